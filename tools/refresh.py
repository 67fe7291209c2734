"""One command rewrites every generated file, after a deliberate change to a snippet or a page:

    python -m tools.refresh

1. every block's output (`snippets/**/*.out`) and every figure (`docs/assets/figures/`): the doc
   tests and the figure test with `--update-outputs` (the one runner, tools/pytest_doctests.py);
2. the glossary pages, from glossary/terms.yml (tools/glossary.py);
3. the notebooks, from the pages and their outputs (tools/notebooks.py).

Running it twice changes nothing; review what it changed with `git diff`, like code. Exit
status: 0, or the first step's that failed (the steps after it do not run).
"""
from __future__ import annotations

import subprocess
import sys

from tools.page import ROOT

COMMAND = "python -m tools.refresh"
STEPS = [
    ("outputs and figures", ["-m", "pytest", "docs", "tests/test_figures.py", "--update-outputs", "-q",
                             "-p", "no:cacheprovider"]),
    ("glossary pages", ["-m", "tools.glossary"]),
    ("notebooks", ["-m", "tools.notebooks"]),
]


def main() -> int:
    for name, args in STEPS:
        print(f"--- {name}: python {' '.join(args)}", flush=True)
        done = subprocess.run([sys.executable, *args], cwd=ROOT)
        if done.returncode:
            print(f"{COMMAND}: {name} failed (exit {done.returncode}); nothing after it ran", file=sys.stderr)
            return done.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
