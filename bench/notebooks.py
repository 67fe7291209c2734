"""How long the notebook tests take next to the page doc tests of the same chapters.

    python bench/notebooks.py [--runs 5]

Prints, from one run on one machine, the median wall time of `pytest -q tests/test_notebooks.py`
(every notebook of both languages checked against its page and run top to bottom) and of
`pytest -q tests/test_docs.py` (every block of every page), and their ratio (target: at most
1.5x). Each command runs once untimed first (warm disk cache).
"""
import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 1.5


def median_seconds(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs + 1):  # the first run warms up and is not counted
        start = time.perf_counter()
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        if done.returncode:
            sys.exit(f"failed ({done.returncode}): {' '.join(cmd)}\n{(done.stdout + done.stderr)[-3000:]}")
        times.append(time.perf_counter() - start)
    return statistics.median(times[1:])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    pytest = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    print(f"median of {runs} runs each; {os.cpu_count()} CPUs; python {sys.version.split()[0]}")
    notebooks = median_seconds(pytest + ["tests/test_notebooks.py"], runs)
    doctests = median_seconds(pytest + ["tests/test_docs.py"], runs)
    ratio = notebooks / doctests
    print(f"pytest -q tests/test_notebooks.py  {notebooks:6.2f} s")
    print(f"pytest -q tests/test_docs.py       {doctests:6.2f} s")
    print(f"ratio                              {ratio:6.2f} x  (target <= {TARGET_RATIO:g} x: "
          f"{'met' if ratio <= TARGET_RATIO else 'NOT met'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
