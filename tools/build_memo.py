"""What a build step made from the same input last time, kept between builds.

Most of a build's time went to three steps whose output depends only on their input: Pygments
colouring a code block (the same snippets on both languages' pages), Material's search plugin
reading a page's HTML, and the side-by-side page made from two built pages. A `Memo` keeps
their results in `.cache/build-memo/<name>.json`, keyed by a hash of everything the step reads
(the input, its options, the versions and source of the code that makes it). A build loads it
once, looks up, computes what is missing, and `save_all()` writes what this process used (so
entries for old versions of a page drop out). `mkdocs serve` keeps the memo in memory between
rebuilds, so a rebuild after one page changed recomputes only that page.

Compiled Jinja templates are kept too, in `.cache/jinja-bytecode/` (`keep_compiled_templates`):
MkDocs makes a new Jinja environment on every build, and static-i18n builds the site once per
language, so Material's templates were compiled twice on every build and every `mkdocs serve`
rebuild: about 0.3 s of a 1.6 s build (issue 10). Jinja's own bytecode cache keys each entry
by the template's name and a checksum of its source, so an edited template (ours in
overrides/ or a new Material) is compiled again.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Callable

DIR = Path(__file__).resolve().parent.parent / ".cache" / "build-memo"
TEMPLATES = DIR.parent / "jinja-bytecode"


def digest(*parts) -> str:
    """sha256 of the parts: text, bytes, or anything else by its repr (the snippet memo's keys too)."""
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8") if isinstance(part, str) else part if isinstance(part, bytes)
                 else repr(part).encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


def write_json(path: Path, value) -> None:
    """Write through a temporary file of its own, then rename: processes and threads that
    write the same file side by side each leave a whole one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, suffix=".tmp", delete=False) as f:
        json.dump(value, f, ensure_ascii=False)
    os.replace(f.name, path)


class Memo:
    def __init__(self, name: str, version: str):
        self.file, self.version = DIR / f"{name}.json", version
        self.loaded: dict | None = None
        self.used: dict = {}

    def get(self, key_parts: tuple, compute: Callable):
        if self.loaded is None:
            try:
                self.loaded = json.loads(self.file.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self.loaded = {}
        key = digest(self.version, *key_parts)
        if key not in self.used:
            self.used[key] = self.loaded[key] if key in self.loaded else compute()
        return self.used[key]

    def save(self) -> None:
        if self.loaded is None or self.used.keys() == self.loaded.keys():
            return
        write_json(self.file, self.used)
        self.loaded = dict(self.used)


MEMOS: dict[str, Memo] = {}


def use(project: Path) -> None:
    """Keep the memos in that project's .cache/build-memo/ (the folder of its mkdocs.yml), so
    that another project's builds (the tests' small sites) do not replace this one's."""
    global DIR
    folder = Path(project).resolve() / ".cache" / "build-memo"
    if folder != DIR:
        DIR = folder
        MEMOS.clear()


def memo(name: str, version: str) -> Memo:
    """The process's one Memo of that name."""
    if name not in MEMOS:
        MEMOS[name] = Memo(name, version)
    return MEMOS[name]


def save_all() -> None:
    for m in MEMOS.values():
        m.save()


def keep_compiled_templates(env):
    from jinja2 import FileSystemBytecodeCache  # the build's, not the doc tests' (standard library only)

    TEMPLATES.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(TEMPLATES))
    return env
