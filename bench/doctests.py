"""How long the doc tests and the site build take, next to the cost of `import torch`.

    python bench/doctests.py [--runs 5]

Prints, from one run on one machine, the median wall time of:
  - the full doc-test run, `pytest -q tests/test_docs.py`;
  - `python -c "import torch"`, and the ratio of the two (target: at most 2x);
  - `mkdocs build --strict` (into a temporary folder; site/ is left alone).
Each command runs once untimed first (warm disk cache, KaTeX assets fetched).
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 2.0


def median_seconds(cmd: list[str], runs: int) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    times = []
    for i in range(runs + 1):  # the first run warms up and is not counted
        start = time.perf_counter()
        done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
        if done.returncode:
            sys.exit(f"failed ({done.returncode}): {' '.join(cmd)}\n{(done.stdout + done.stderr)[-3000:]}")
        times.append(time.perf_counter() - start)
    return statistics.median(times[1:])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    py = sys.executable
    print(f"median of {runs} runs each; {os.cpu_count()} CPUs; python {sys.version.split()[0]}")
    doctests = median_seconds([py, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_docs.py"], runs)
    torch_import = median_seconds([py, "-c", "import torch"], runs)
    ratio = doctests / torch_import
    print(f"pytest -q tests/test_docs.py  {doctests:6.2f} s")
    print(f'python -c "import torch"      {torch_import:6.2f} s')
    print(f"ratio                         {ratio:6.2f} x  (target <= {TARGET_RATIO:g} x: "
          f"{'met' if ratio <= TARGET_RATIO else 'NOT met'})")
    with tempfile.TemporaryDirectory() as site:
        build = median_seconds([py, "-m", "mkdocs", "build", "--strict", "-q", "-d", site], runs)
    print(f"mkdocs build --strict         {build:6.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
