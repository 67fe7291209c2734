"""Run the doc tests under another PyTorch (and Python) in a venv of their own.

    python -m tools.drift --torch 2.14.1 [--python 3.12]
    python -m tools.drift --torch newest        # the newest release on the package index
    python -m tools.drift --torch pinned        # the version requirements.txt pins

Two separate steps: `prepare()` makes (or reuses) `.cache/drift/py<X.Y>-torch<version>/`
with only what the doc tests need (that torch, and numpy, pytest and pytest-markdown-docs at
the versions requirements.txt pins); `run()` runs `pytest docs` with that venv's Python, which
writes its JSON report (tools/doctest_report.py); `summary()` turns the report into a
per-page table and the diffs. The diffs also go to a file (for CI artifacts).

Exit status: 0 every block printed what its page shows, 1 some differed, 2 bad input or a
broken environment (one line on stderr: `drift: error: ...`).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from tools import doctest_report
from tools.page import ROOT, pins, rel

CACHE = ROOT / ".cache" / "drift"
VERSION = re.compile(r"^\d+(\.\d+){1,2}((a|b|rc)\d+)?(\.post\d+)?(\.dev\d+)?(\+[a-z0-9.]+)?$")
PYTHON = re.compile(r"^3\.\d{1,2}$")
ENGINE_NEEDS = ("numpy", "pytest", "pytest-markdown-docs")  # besides torch (README: "How the doc tests work")
NETWORK = re.compile(r"NewConnectionError|Failed to establish a new connection|Temporary failure in name "
                     r"resolution|Name or service not known|Network is unreachable|ConnectTimeout|"
                     r"ProxyError|Read timed out|Max retries exceeded")


class DriftError(Exception):
    """Bad input or an environment that cannot run the doc tests: one line for the user."""


# --- input -----------------------------------------------------------------------------------

def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tools.drift", description=__doc__.split("\n\n")[0])
    parser.add_argument("--torch", required=True, metavar="VERSION",
                        help="a torch release (2.14.1), `pinned` (requirements.txt) or `newest` (package index)")
    parser.add_argument("--python", metavar="X.Y", default=None,
                        help="the Python to run under (default: this one, %d.%d)" % sys.version_info[:2])
    parser.add_argument("--diff-file", metavar="PATH", type=Path, default=None,
                        help="where to write the diffs (default: diffs.txt in the venv's folder)")
    args = parser.parse_args(argv)
    if args.torch not in ("pinned", "newest") and not VERSION.match(args.torch):
        raise DriftError(f"--torch {args.torch!r} is not a version number (like 2.14.1), `pinned` or `newest`")
    if args.python is not None and not PYTHON.match(args.python):
        raise DriftError(f"--python {args.python!r} is not a Python version like 3.12")
    return args


def find_python(version: str | None) -> str:
    """An interpreter for Python X.Y: this one, pythonX.Y on PATH, or pyenv's."""
    if version is None or version == "%d.%d" % sys.version_info[:2]:
        return sys.executable
    candidates = [shutil.which(f"python{version}")]
    pyenv = shutil.which("pyenv")
    if pyenv:
        root = subprocess.run([pyenv, "root"], capture_output=True, text=True).stdout.strip()
        if root:
            candidates += sorted(Path(root).glob(f"versions/{version}.*/bin/python{version}"), reverse=True)
    for candidate in filter(None, candidates):
        if python_version(str(candidate)) == version:
            return str(candidate)
    raise DriftError(f"no Python {version} on this machine (looked for python{version} on PATH and in pyenv)")


def python_version(python: str) -> str | None:
    try:
        done = subprocess.run([python, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                              capture_output=True, text=True, timeout=60)
    except OSError:
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def newest_torch(python: str) -> str:
    """The newest torch release the package index offers to this Python (`pip index versions`)."""
    done = subprocess.run([python, "-m", "pip", "index", "versions", "torch", "--disable-pip-version-check"],
                          capture_output=True, text=True)
    m = re.search(r"^torch \(([^)]+)\)", done.stdout, re.M)
    if done.returncode or not m:
        raise DriftError(f"cannot find the newest torch: {pip_error(done.stdout + done.stderr, 'newest', '')}")
    return m[1]


def resolve_torch(requested: str, python: str) -> str:
    if requested == "pinned":
        return pins()["torch"]
    if requested == "newest":
        return newest_torch(python)
    return requested


# --- step 1: the venv ----------------------------------------------------------------------

def requirements_for(torch: str) -> list[str]:
    pinned = pins()
    return [f"torch=={torch}"] + [f"{name}=={pinned[name]}" for name in ENGINE_NEEDS]


def prepare(python: str, torch: str, cache: Path = CACHE) -> Path:
    """Make or reuse a venv with torch==`torch` and the engine's other needs; its folder."""
    version = python_version(python)
    folder = cache / f"py{version}-torch{torch}"
    marker = folder / "drift.json"
    wanted = {"python": version, "requirements": requirements_for(torch)}
    bin_python = folder / "bin" / "python"
    if marker.is_file() and json.loads(marker.read_text(encoding="utf-8")).get("wanted") == wanted \
            and bin_python.is_file():
        return folder
    new = not bin_python.is_file()
    if new:
        done = venv_step([python, "-m", "venv", str(folder)])
        if done.returncode:
            raise DriftError(f"cannot make a venv with {python}: {last_line(done.stderr or done.stdout)}")
    print(f"drift: installing {' '.join(wanted['requirements'])} into {rel(folder)} "
          "(the first time takes minutes)", file=sys.stderr, flush=True)
    done = venv_step([str(bin_python), "-m", "pip", "install", "--disable-pip-version-check",
                      *wanted["requirements"]])
    log = cache / f"{folder.name}.pip.log"
    log.write_text(done.stdout + done.stderr, encoding="utf-8")
    if done.returncode:
        if new:  # a venv for a version that does not install is no use later
            shutil.rmtree(folder)
        raise DriftError(f"{pip_error(done.stdout + done.stderr, torch, version)} (pip's log: {rel(log)})")
    marker.write_text(json.dumps({"wanted": wanted}, indent=1) + "\n", encoding="utf-8")
    return folder


def venv_step(cmd: list[str]) -> subprocess.CompletedProcess:
    """One step of making the venv (`python -m venv`, `pip install`), its output captured."""
    return subprocess.run(cmd, capture_output=True, text=True)


def pip_error(output: str, torch: str, python: str) -> str:
    """One line saying why pip could not install (or list) torch."""
    for_python = f" for Python {python}" if python else ""
    if NETWORK.search(output):
        return "no network: pip could not reach the package index"
    if "conflicting dependencies" in output:
        constraint = re.search(r"The user requested \(constraint\) torch(\S+)", output)
        if constraint and not allowed(torch, constraint[1]):
            return (f"torch {torch} is ruled out by a pip constraint on this machine (torch{constraint[1]}; "
                    "see `pip config list`)")
        if constraint:  # pip blames the constraint when the version does not exist at all
            return f"torch {torch} does not exist{for_python}"
    missing = re.search(r"Could not find a version that satisfies the requirement (\S+) \(from versions: ([^)]*)\)",
                        output)
    if missing:
        name, versions = missing[1], missing[2].strip()
        if versions == "none":
            return f"no release of {name.split('=')[0]} at all{for_python} on the package index (no network?)"
        newest = ", ".join([v for v in versions.split(", ") if "+" not in v][-5:])
        return f"{name.replace('==', ' ')} does not exist{for_python} (newest: {newest})"
    no_match = re.search(r"No matching distribution found for (\S+)", output)
    if no_match:
        return f"{no_match[1].replace('==', ' ')} is not available{for_python}"
    return f"pip failed: {last_line(output)}"


def allowed(version: str, specifiers: str) -> bool:
    """Whether a release number meets specifiers like `<=2.14.1` or `>=2,<3` (release parts only)."""
    def release(v: str) -> tuple[int, ...]:
        parts = tuple(int(x) for x in re.findall(r"\d+", re.split(r"[a-z+]", v)[0]))
        return parts + (0,) * (4 - len(parts))
    tests = {"<=": lambda a, b: a <= b, ">=": lambda a, b: a >= b, "==": lambda a, b: a == b,
             "!=": lambda a, b: a != b, "<": lambda a, b: a < b, ">": lambda a, b: a > b}
    for spec in filter(None, (s.strip() for s in specifiers.split(","))):
        op = next((o for o in tests if spec.startswith(o)), None)
        if op and not tests[op](release(version), release(spec[len(op):])):
            return False
    return True


def last_line(text: str) -> str:
    errors = [l.strip() for l in text.splitlines() if l.startswith("ERROR:")]
    lines = errors or [l.strip() for l in text.splitlines() if l.strip()]
    return lines[-1] if lines else "(no output)"


# --- step 2: the doc tests -------------------------------------------------------------------

def run(python: str, report: Path, root: Path | None = None) -> dict:
    """Run `pytest docs` with `python` in `root` (the repository); the report it writes.
    Every block runs (`--rerun-snippets`): nothing printed under another torch is reused."""
    report.unlink(missing_ok=True)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run([python, "-m", "pytest", "docs", "-q", "-p", "no:cacheprovider",
                           "--rerun-snippets", "--docs-report", str(report)],
                          cwd=root or ROOT, capture_output=True, text=True, env=env)
    result = doctest_report.read(report)
    if result is None:
        raise DriftError(f"the doc tests did not run (pytest exit {done.returncode}): "
                         f"{last_line(done.stdout + done.stderr)}")
    return result


# --- step 3: the table -----------------------------------------------------------------------

def summary(report: dict) -> tuple[str, str, bool]:
    """(table, diffs, True if anything differed)."""
    rows = [("page", "language", "blocks passed", "blocks differing")]
    diffs = []
    for key, page in report["pages"].items():
        lang, name = key.split("/", 1)
        rows.append((name, lang, str(page["passed"]), str(page["failed"])))
        diffs += [f["message"] for f in page["failures"]]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = ["  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))).rstrip()
             for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    total_passed = sum(p["passed"] for p in report["pages"].values())
    total_failed = sum(p["failed"] for p in report["pages"].values())
    head = (f"torch {report['torch']}, Python {report['python']}, {report['device_name']}: "
            f"{total_passed} blocks passed, {total_failed} differ")
    return head + "\n\n" + "\n".join(lines) + "\n", "\n\n".join(diffs), bool(diffs)


def main(argv: list[str] | None = None) -> int:
    try:
        args = parse_args(argv)
        python = find_python(args.python)
        torch = resolve_torch(args.torch, python)
        folder = prepare(python, torch)
        report = run(str(folder / "bin" / "python"), folder / "doctest-report.json")
    except DriftError as err:
        print(f"drift: error: {err}", file=sys.stderr)
        return 2
    return show(report, args.diff_file or folder / "diffs.txt")


def show(report: dict, diff_file: Path) -> int:
    """Print the table and the diffs, write the diffs to diff_file; the exit status."""
    table, diffs, differ = summary(report)
    print(table)
    diff_file.parent.mkdir(parents=True, exist_ok=True)
    diff_file.write_text(diffs + "\n" if diffs else "", encoding="utf-8")
    if differ:
        print(diffs)
        print(f"\ndrift: outputs differ under torch {report['torch']}; diffs in {rel(diff_file)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
