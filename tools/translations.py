"""Which translated pages are older than their English twin, and marking them up to date.

Every translated page (docs/hi/x.md) records in its front matter which version of its
English twin (docs/en/x.md) it translates, as the English file's git blob id:

    ---
    translated_from: 1a2b3c4d5e6f
    ---

When the English page changes, its blob id changes, the Hindi page is "stale": the build
shows a Hindi notice at its top (hooks/translation_status.py) and `report` lists it.

    python -m tools.translations report              # stale pages, with what changed in English
    python -m tools.translations mark docs/hi/x.md   # after updating a translation
    python -m tools.translations mark --all          # record the current English for every page

A blob id is what `git hash-object` prints, so `git cat-file -p <id>` gives back the old
English text (for the diff) whenever that version is in git; `mark` also stores it there.
"""
from __future__ import annotations

import argparse
import difflib
import hashlib
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tools.page import FRONT_MATTER, ROOT
from tools.site_config import default_language

DOCS = ROOT / "docs"
SOURCE_LANG = default_language()  # every translation follows the default language
KEY = "translated_from"
ID_LENGTH = 12
RECORD = re.compile(rf"^{KEY}:[ \t]*(?P<id>\S*)[ \t]*$", re.M)


def blob_id(data: bytes) -> str:
    """The id git gives a file with this content (`git hash-object`)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def english_twin(page: Path, docs: Path) -> Path:
    """docs/hi/x.md -> docs/en/x.md"""
    lang, *rest = page.relative_to(docs).parts
    return docs.joinpath(SOURCE_LANG, *rest)


def translated_pages(docs: Path) -> list[Path]:
    return sorted(p for p in docs.glob("*/**/*.md") if p.relative_to(docs).parts[0] != SOURCE_LANG)


def recorded_id(text: str) -> str | None:
    m = FRONT_MATTER.match(text)
    found = RECORD.search(m["body"]) if m else None
    return found["id"] if found and found["id"] else None


def with_recorded_id(text: str, new_id: str) -> str:
    line = f"{KEY}: {new_id}"
    m = FRONT_MATTER.match(text)
    if not m:
        return f"---\n{line}\n---\n\n{text}"
    body = m["body"]
    body = RECORD.sub(line, body) if RECORD.search(body) else body + line + "\n"
    return f"---\n{body}---\n{text[m.end():]}"


@dataclass
class Status:
    page: Path
    english: Path
    recorded: str | None   # the blob id the page says it translates (None: never marked)
    current: str | None    # the English page's blob id now (None: no English twin)

    @property
    def stale(self) -> bool:
        if self.current is None:
            return False  # no twin: the parity test reports that
        return self.recorded is None or not (len(self.recorded) >= 7 and self.current.startswith(self.recorded))


def status(page: Path, docs: Path = DOCS) -> Status:
    english = english_twin(page, docs)
    current = blob_id(english.read_bytes()) if english.is_file() else None
    return Status(page, english, recorded_id(page.read_text(encoding="utf-8")), current)


def git(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True)


def old_english(status: Status) -> str | None:
    """The English text the page was translated from, if git still has it."""
    if not status.recorded:
        return None
    done = git("cat-file", "-p", status.recorded, cwd=status.english.parent)
    return done.stdout.decode("utf-8") if done.returncode == 0 else None


def describe(s: Status, docs: Path) -> str:
    page, english = s.page.relative_to(docs.parent), s.english.relative_to(docs.parent)
    if s.recorded is None:
        return (f"{page}: never marked (no `{KEY}` in its front matter); compare it with "
                f"{english} by hand, then: python -m tools.translations mark {page}")
    head = f"{page}: translates {english} at {s.recorded}, which is now {s.current[:ID_LENGTH]}"
    old = old_english(s)
    if old is None:
        return f"{head}\n  (version {s.recorded} is not in git: compare by hand)"
    new = s.english.read_text(encoding="utf-8")
    changes = "".join(difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True),
        fromfile=f"{english} @ {s.recorded} (translated)", tofile=f"{english} (now)"))
    return f"{head}; the English page changed:\n{changes}"


def report(docs: Path = DOCS) -> tuple[str, int]:
    stale = [s for s in map(lambda p: status(p, docs), translated_pages(docs)) if s.stale]
    if not stale:
        return "Every translated page translates the current English page.", 0
    lines = [f"{len(stale)} translated page(s) older than their English twin:", ""]
    lines += [describe(s, docs) + "\n" for s in stale]
    lines.append("After updating a translation: python -m tools.translations mark <page>")
    return "\n".join(lines), 1


def mark(page: Path, docs: Path = DOCS) -> str:
    """Record that `page` translates the current English twin; returns the recorded id."""
    english = english_twin(page, docs)
    if not english.is_file():
        raise SystemExit(f"{page}: no English twin {english}")
    new_id = blob_id(english.read_bytes())[:ID_LENGTH]
    git("hash-object", "-w", str(english), cwd=english.parent)  # keep this version for later diffs
    text = page.read_text(encoding="utf-8")
    updated = with_recorded_id(text, new_id)
    if updated != text:
        page.write_text(updated, encoding="utf-8")
    return new_id


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.translations", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("report", help="list translated pages older than their English twin, with the English diff")
    m = sub.add_parser("mark", help="record that pages translate the current English twin")
    m.add_argument("pages", nargs="*", type=Path)
    m.add_argument("--all", action="store_true", help="every translated page")
    parser.add_argument("--docs", type=Path, default=DOCS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    docs = args.docs.resolve()
    if args.command == "report":
        text, code = report(docs)
        print(text)
        return code
    if not args.pages and not args.all:
        parser.error("mark: name pages or use --all")
    for page in translated_pages(docs) if args.all else [p.resolve() for p in args.pages]:
        before = status(page, docs)
        new_id = mark(page, docs)
        note = "unchanged" if not before.stale else f"was {before.recorded or 'never marked'}"
        print(f"{page.relative_to(docs.parent)}: {KEY}: {new_id} ({note})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
