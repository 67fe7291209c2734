"""The author's loop and the test suite, each as a ratio to `python -c "import torch"`, from
one run on one machine.

    python bench/all.py [--runs 3] [--full-pytest]

Median wall time of each, the commands taking turns after one untimed round (warm disk
cache, Temml fetched, notebook and font caches filled), so that a change in the machine's
load hits them alike:
  - `python -c "import torch"`: the yardstick;
  - `mkdocs build --strict` (into a temporary folder)                 target <= 1.5x torch;
  - `mkdocs serve`: from rewriting one page (same bytes) to "Reloading browsers"
                                                                       target <= 1.5x torch;
  - `pytest -m "not browser"`                                          target <= 3x torch;
  - `pytest docs` (the doc tests)                                      target <= 2x torch;
  - `pytest tests/test_notebooks.py` (every notebook against its page, run top to bottom)
                                                         target <= 1.5x the doc tests;
and, once: the INFO lines a default-level build prints about notebooks (target: none), and
with --full-pytest the time of the whole `pytest` (browser tests included).
Lighthouse has its own script (bench/lighthouse.py: minutes per page).
"""
import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]
from tools.site_config import default_language  # noqa: E402

PAGE = ROOT / "docs" / default_language() / "autograd.md"  # the page rewritten to make `mkdocs serve` rebuild
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
PY = sys.executable
PYTEST = [PY, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
TARGETS = {"build": 1.5, "rebuild": 1.5, "pytest -m 'not browser'": 3.0, "doc tests": 2.0}


def seconds(cmd: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, env=ENV, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"failed ({done.returncode}): {' '.join(cmd)}\n{(done.stdout + done.stderr)[-3000:]}")
    return time.perf_counter() - start


class Serve:
    """`mkdocs serve` in the background; rebuild() rewrites one page and waits for the reload."""

    def __init__(self):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        self.proc = subprocess.Popen([PY, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=ROOT, env=ENV,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines, self.event = [], threading.Event()
        threading.Thread(target=self.read, daemon=True).start()
        self.wait_for("Serving on")

    def read(self):
        for line in self.proc.stdout:
            self.lines.append(line)
            self.event.set()

    def wait_for(self, text: str, start: int = 0, timeout: float = 300) -> None:
        end = time.monotonic() + timeout
        while not any(text in line for line in self.lines[start:]):
            if self.proc.poll() is not None or time.monotonic() > end:
                sys.exit("mkdocs serve: no '" + text + "' line:\n" + "".join(self.lines[-30:]))
            self.event.wait(1)
            self.event.clear()

    def rebuild(self) -> float:
        seen = len(self.lines)
        start = time.perf_counter()
        PAGE.write_bytes(PAGE.read_bytes())
        self.wait_for("Reloading browsers", seen)
        return time.perf_counter() - start

    def close(self):
        self.proc.terminate()
        self.proc.wait(timeout=30)


def notebook_info_lines(site: str) -> list[str]:
    done = subprocess.run([PY, "-m", "mkdocs", "build", "--strict", "-d", site], cwd=ROOT, env=ENV,
                          capture_output=True, text=True)
    return [line for line in (done.stdout + done.stderr).splitlines()
            if line.startswith("INFO") and re.search(r"notebook|\.ipynb|jupyter", line, re.I)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--full-pytest", action="store_true", help="also time the whole `pytest` once")
    args = parser.parse_args()
    times: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as site:
        commands = {
            "torch": [PY, "-c", "import torch"],
            "build": [PY, "-m", "mkdocs", "build", "--strict", "-q", "-d", site],
            "pytest -m 'not browser'": PYTEST + ["-m", "not browser"],
            "doc tests": PYTEST + ["docs"],
            "notebook tests": PYTEST + ["tests/test_notebooks.py"],
        }
        serve = Serve()
        try:
            for turn in range(args.runs + 1):  # the first round warms up and is not counted
                for name, cmd in commands.items():
                    elapsed = seconds(cmd)
                    if turn:
                        times.setdefault(name, []).append(elapsed)
                elapsed = serve.rebuild()
                if turn:
                    times.setdefault("rebuild", []).append(elapsed)
        finally:
            serve.close()
        info = notebook_info_lines(site)
    median = {name: statistics.median(t) for name, t in times.items()}
    torch = median["torch"]
    print(f"median of {args.runs} runs each, taking turns; {os.cpu_count()} CPUs; python {sys.version.split()[0]}; "
          f"load average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}\n")
    print("| what | seconds | × import torch | target |\n|---|---|---|---|")
    print(f'| python -c "import torch" | {torch:.2f} | 1.00 | |')
    labels = {"build": "mkdocs build --strict", "rebuild": "mkdocs serve: rebuild after one page changes",
              "pytest -m 'not browser'": "pytest -m \"not browser\"", "doc tests": "pytest docs"}
    for name, label in labels.items():
        ratio = median[name] / torch
        verdict = "met" if ratio <= TARGETS[name] else "NOT met"
        print(f"| {label} | {median[name]:.2f} | {ratio:.2f} | <= {TARGETS[name]:g}: {verdict} |")
    ratio = median["notebook tests"] / median["doc tests"]
    print(f'| pytest tests/test_notebooks.py | {median["notebook tests"]:.2f} | {median["notebook tests"] / torch:.2f} | '
          f'<= 1.5 × pytest docs ({ratio:.2f}): {"met" if ratio <= 1.5 else "NOT met"} |')
    print(f"\nINFO lines about notebooks in a default-level build: {len(info)} (target 0)")
    for line in info[:5]:
        print("  " + line)
    if args.full_pytest:
        whole = seconds(PYTEST)
        print(f"\nwhole `pytest` (browser tests included), once: {whole:.1f} s = {whole / torch:.1f} × import torch")
    return 0


if __name__ == "__main__":
    sys.exit(main())
