"""How long the notebook tests take next to the page doc tests of the same chapters.

    python bench/notebooks.py [--runs 5]

Prints, from one run on one machine, the median wall time of `pytest -q tests/test_notebooks.py`
(every notebook of both languages checked against its page and run top to bottom) and of
`pytest -q docs` (every block of every page), and their ratio (target: at most
1.5x). The two commands take turns, so a busy machine slows both alike; each runs once
untimed first (warm disk cache).
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


def seconds(cmd: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"failed ({done.returncode}): {' '.join(cmd)}\n{(done.stdout + done.stderr)[-3000:]}")
    return time.perf_counter() - start


def medians(cmds: list[list[str]], runs: int) -> list[float]:
    times = [[] for _ in cmds]
    for turn in range(runs + 1):  # the first turn warms up and is not counted
        for cmd, kept in zip(cmds, times):
            elapsed = seconds(cmd)
            if turn:
                kept.append(elapsed)
    return [statistics.median(t) for t in times]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    pytest = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    print(f"median of {runs} runs each; {os.cpu_count()} CPUs; python {sys.version.split()[0]}; "
          f"load average {os.getloadavg()[0]:.1f}")
    notebooks, doctests = medians([pytest + ["tests/test_notebooks.py"], pytest + ["docs"]], runs)
    ratio = notebooks / doctests
    print(f"pytest -q tests/test_notebooks.py  {notebooks:6.2f} s")
    print(f"pytest -q docs                    {doctests:6.2f} s")
    print(f"ratio                              {ratio:6.2f} x  (target <= {TARGET_RATIO:g} x: "
          f"{'met' if ratio <= TARGET_RATIO else 'NOT met'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
