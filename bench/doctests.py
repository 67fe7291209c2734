"""How long the doc tests and the site build take, next to the cost of `import torch`.

    python bench/doctests.py [--runs 5]

Prints, from one run on one machine, the median wall time of:
  - the full doc-test run, `pytest -q docs`;
  - `python -c "import torch"`, and the ratio of the two (target: at most 2x);
  - torch plus its first optimizer (which imports torch._dynamo), the floor for snippets
    that train with torch.optim, and the doc tests' ratio to it;
  - `mkdocs build --strict` (into a temporary folder; site/ is left alone).
The commands take turns, after one untimed round (warm disk cache, Temml fetched);
the load average is printed, since other work on the machine skews every figure.
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
OPTIMIZER = "import torch; torch.optim.SGD(torch.nn.Linear(1, 1).parameters(), lr=0.1)"


def median_seconds(commands: dict[str, list[str]], runs: int) -> dict[str, float]:
    """Median wall time of each command; the commands take turns, so that a change in the
    machine's load hits them alike."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    times = {name: [] for name in commands}
    for _ in range(runs + 1):  # the first round warms up and is not counted
        for name, cmd in commands.items():
            start = time.perf_counter()
            done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
            if done.returncode:
                sys.exit(f"failed ({done.returncode}): {' '.join(cmd)}\n{(done.stdout + done.stderr)[-3000:]}")
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(t[1:]) for name, t in times.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    py = sys.executable
    print(f"median of {runs} runs each; {os.cpu_count()} CPUs; python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory() as site:
        median = median_seconds({
            "doctests": [py, "-m", "pytest", "-q", "-p", "no:cacheprovider", "docs"],
            "torch": [py, "-c", "import torch"],
            # What the snippets themselves cannot avoid: the first torch.optim optimizer imports
            # torch._dynamo (torch/_compile.py), about as slow as importing torch again.
            "torch+optim": [py, "-c", OPTIMIZER],
            "build": [py, "-m", "mkdocs", "build", "--strict", "-q", "-d", site],
        }, runs)
    ratio = median["doctests"] / median["torch"]
    print(f"pytest -q docs               {median['doctests']:6.2f} s")
    print(f'python -c "import torch"      {median["torch"]:6.2f} s')
    print(f"ratio                         {ratio:6.2f} x  (target <= {TARGET_RATIO:g} x: "
          f"{'met' if ratio <= TARGET_RATIO else 'NOT met'})")
    print(f"torch + first optimizer       {median['torch+optim']:6.2f} s  "
          f"(doc tests / this: {median['doctests'] / median['torch+optim']:.2f} x)")
    print(f"mkdocs build --strict         {median['build']:6.2f} s")
    print(f"load average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
