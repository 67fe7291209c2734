"""What running the snippets gave, kept on disk so that unchanged code is not run again.

Three kinds of run are kept, each a pure function of its code and of what that code reads:
- what a doc-test block printed (tools/doctests.py): its code, the snippet files it comes
  from, the engine (tools/doctests.py), the device and torch's thread setting;
- what each cell of a notebook printed (tests/test_notebooks.py): the cells, the runner and
  the engine;
- each figure drawer's figures (tools/figures.py): the drawer, tools/figures.py, the engine
  and matplotlib, and (checked when reused) the snippet files the drawer ran;
all with the versions of Python, torch and numpy. A fourth kind is a check, not a run:
nbformat's verdict on a committed notebook file (tests/test_notebooks.py), by the file's bytes
and the versions of Python and nbformat. The snippets are seeded and print the same
with any thread count (each doc item runs its block with one thread too, and CI's fresh clone
checks that promise). So `pytest` keeps each result in `.cache/snippet-runs/` (ignored by
git), one file per run, named by a hash of all of it, and reuses it while all of it stays the
same. The comparisons
still happen every time: the memo holds what the code printed or drew, never what the page,
the notebook or the committed figure shows. Versions come from the installed packages'
metadata, so torch is not even imported when everything is reused.

`--rerun-snippets` and `--update-outputs` run everything (and store the fresh results);
`--device cuda` and `python -m tools.drift` run every doc-test block. A file that cannot be
read is a miss. The end of a pytest run says, per kind, how much ran and how much was reused.
"""
from __future__ import annotations

import functools
import importlib.metadata
import json
import os
import sys
from pathlib import Path

from tools import doctests
from tools.build_memo import digest, write_json
from tools.page import ROOT, Block, rel

FOLDER = ROOT / ".cache" / "snippet-runs"
THREAD_ENV = ("OMP_NUM_THREADS", "MKL_NUM_THREADS")  # what torch's default thread count follows


@functools.cache
def versions(*packages: str) -> tuple[str, ...]:
    """Python and the packages as installed (read without importing them)."""
    found = [sys.version]
    for name in packages:
        try:
            found.append(f"{name} {importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            found.append(f"{name} not installed")
    return tuple(found)


@functools.cache
def engine() -> bytes:
    return Path(doctests.__file__).read_bytes()


def thread_setting(threads: int | None) -> str:
    """An explicit count, or torch's default, which follows the CPU count and the environment."""
    if threads is not None:
        return str(threads)
    return "default " + " ".join([str(os.cpu_count())] + [f"{v}={os.environ.get(v, '')}" for v in THREAD_ENV])


# --- the keys: everything a run's result depends on ------------------------------------------

def block_key(block: Block, name: str, device: str, threads: int | None) -> str:
    """(`name` by its path in the repository: a copy of it, as tests/browser/test_new_language.py
    makes, shares the runs.)"""
    return digest("block", block.code, rel(Path(name)), *(rel(p) for p in block.snippets), device, thread_setting(threads),
                  *versions("torch", "numpy"), engine())


def notebook_key(codes: tuple[str, ...], runner: Path) -> str:
    return digest("notebook", *codes, runner.read_bytes(), thread_setting(None), *versions("torch", "numpy"), engine())


def schema_key(notebook: bytes) -> str:
    return digest("schema", notebook, *versions("nbformat"))


def figures_key(drawer: Path, drawing: Path) -> str:
    return digest("figures", rel(drawer), drawer.read_bytes(), drawing.read_bytes(), thread_setting(None),
                  *versions("torch", "numpy", "matplotlib"), engine())


# --- the memo --------------------------------------------------------------------------------

class Memo:
    """Results kept as JSON files in `folder`, named by `key(...)`; counts runs and reuses.
    Reads nothing when `reuse` is False (why_not says why), but still keeps fresh results."""

    def __init__(self, what: str, key, same: str, folder: Path = FOLDER, reuse: bool = True, why_not: str = ""):
        self.what, self.key, self.same = what, key, same
        self.folder, self.reuse, self.why_not = folder, reuse, why_not
        self.ran = self.reused = 0

    def remembered(self, key: str, compute, kind: type = object, valid=None, keep=lambda value: True):
        """The stored result, or else compute()'s: a run, counted, and stored when `keep(result)`
        (a run that raised, or one not worth keeping, e.g. stopped by the time limit, runs again)."""
        found = self.stored(key, kind, valid)
        if found is not None:
            return found
        self.ran += 1
        value = compute()
        if keep(value):
            write_json(self.folder / f"{key}.json", {"key": key, "value": value})
        return value

    def stored(self, key: str, kind: type, valid):
        """The stored result, or None: not stored, not reusing, unreadable, not a `kind`, or
        not `valid(result)` (e.g. a file it read has changed)."""
        if not self.reuse:
            return None
        try:
            entry = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
            value = entry["value"] if entry["key"] == key else None
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if value is None or not isinstance(value, kind):
            return None
        try:
            if valid is not None and not valid(value):
                return None
        except (KeyError, TypeError, AttributeError):
            return None
        self.reused += 1
        return value

    def summary(self) -> str:
        if not self.reuse:
            return f"{self.what}: {self.ran} run, none reused ({self.why_not})"
        return f"{self.what}: {self.ran} run, {self.reused} reused from {rel(self.folder)}/ ({self.same})"


KINDS = {  # what, key, what stays the same when a result is reused
    "blocks": ("doc-test blocks", block_key, "same code, snippets, engine, device, threads, torch, numpy, python"),
    "notebooks": ("notebooks", notebook_key, "same cells, runner, engine, torch, numpy, python"),
    "schema": ("notebook files checked against nbformat's schema", schema_key, "same file, nbformat, python"),
    "figures": ("figure drawers", figures_key,
                "same drawer, snippets it ran, tools/figures.py, engine, matplotlib, torch, numpy, python"),
}


def for_session(kind: str, device: str, update_outputs: bool, rerun: bool, folder: Path = FOLDER) -> Memo | None:
    """The memo a pytest session uses for one kind of run: none for blocks on CUDA, write-only
    where everything must run."""
    if kind == "blocks" and device != "cpu":
        return None
    why_not = "--update-outputs runs everything" if update_outputs else "--rerun-snippets" if rerun else ""
    return Memo(*KINDS[kind], folder=folder, reuse=not why_not, why_not=why_not)
