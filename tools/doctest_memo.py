"""What each doc-test block printed, kept on disk so that an unchanged block is not run again.

What a block prints is a pure function of its code, the snippet files it comes from, the
engine (tools/doctests.py), the device, torch's thread setting, and the versions of Python,
torch and numpy: the snippets are seeded and print the same with any thread count (the
thread-count test and CI's fresh clone check that promise). So `pytest` keeps what each
block printed in `.cache/printed-by/` (ignored by git), one file a run, named by a hash of
all of those, and reuses it while they stay the same. The comparison with the page's output
block still happens every time: the memo holds what the code printed, never what the page
shows. Versions come from the installed packages' metadata, so torch is not even imported
when every block is reused.

Never read by `--rerun-snippets`, `--update-outputs`, `--device cuda` or `python -m
tools.drift`: they run every block. A file that cannot be read is a miss.
"""
from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
import os
import sys
import tempfile
from pathlib import Path

from tools import doctests
from tools.doctests import ROOT, Block, rel

FOLDER = ROOT / ".cache" / "printed-by"
SAME = "same code, snippets, engine, device, threads, torch, numpy, python"
THREAD_ENV = ("OMP_NUM_THREADS", "MKL_NUM_THREADS")  # what torch's default thread count follows


@functools.cache
def versions() -> tuple[str, ...]:
    """Python, torch and numpy as installed (read without importing torch)."""
    found = [sys.version]
    for name in ("torch", "numpy"):
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


class Memo:
    """Reads (unless `reuse` is False) and writes what blocks printed; counts runs and reuses."""

    def __init__(self, folder: Path = FOLDER, reuse: bool = True, why_not: str = ""):
        self.folder, self.reuse, self.why_not = folder, reuse, why_not
        self.ran = self.reused = 0

    def key(self, block: Block, name: str, device: str, threads: int | None) -> str:
        h = hashlib.sha256()
        parts = [block.code, name, *(rel(p) for p in block.snippets), device, thread_setting(threads),
                 *versions()]
        for part in parts:
            h.update(part.encode("utf-8"))
            h.update(b"\0")
        h.update(engine())
        return h.hexdigest()

    def printed(self, key: str) -> str | None:
        """What the block printed before, or None: not stored, not reusing, or unreadable."""
        if not self.reuse:
            return None
        try:
            entry = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
            text = entry["printed"] if entry["key"] == key else None
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if not isinstance(text, str):
            return None
        self.reused += 1
        return text

    def keep(self, key: str, status: str, text: str) -> None:
        """Count a run; store what it printed (a run that raised is not stored: it runs again)."""
        self.ran += 1
        if status != "ok":
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=self.folder, suffix=".tmp",
                                         delete=False) as f:
            json.dump({"key": key, "printed": text}, f, ensure_ascii=False)
        os.replace(f.name, self.folder / f"{key}.json")

    def summary(self) -> str:
        if not self.reuse:
            return f"doc tests: {self.ran} blocks run, none reused ({self.why_not})"
        return f"doc tests: {self.ran} blocks run, {self.reused} reused from {rel(self.folder)}/ ({SAME})"


def for_session(device: str, update_outputs: bool, rerun: bool, folder: Path = FOLDER) -> Memo | None:
    """The memo a pytest session uses: none on CUDA, write-only where every block must run."""
    if device != "cpu":
        return None
    if update_outputs or rerun:
        return Memo(folder, reuse=False, why_not="--update-outputs runs every block" if update_outputs
                    else "--rerun-snippets")
    return Memo(folder)
