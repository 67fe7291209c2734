"""The doc tests' report: which pages passed, under which torch, Python and device, and when.

`pytest docs` writes it (tools/pytest_doctests.py calls `Collector`) to
`.cache/doctest-report.json`, or `.cache/doctest-report-cuda.json` with `--device cuda`
(`--docs-report PATH` for elsewhere). The site build reads it for each chapter's "checked
with" line (tools/checked_with.py), and `python -m tools.drift` prints its table.

The file is deterministic apart from its date: keys sorted, pages sorted, no timings. Each
page also records a digest of what was checked (its blocks' code and shown output), so
that a reader can tell when the page has changed since the run.

Needs only the standard library (torch and numpy are read if the run imported them).
"""
from __future__ import annotations

import datetime
import hashlib
import importlib.metadata
import json
import platform
import sys
from pathlib import Path

from tools.page import ROOT, DocTestError, page_lang, page_name, parse_page

FORMAT = 1


def default_path(device: str, root: Path = ROOT) -> Path:
    return root / ".cache" / ("doctest-report.json" if device == "cpu" else f"doctest-report-{device}.json")


def page_key(page: Path) -> str:
    """'en/autograd.md': a page's key in the report (its language and name)."""
    return f"{page_lang(page)}/{page_name(page)}"


def digest(page: Path) -> str:
    """What the doc tests check on a page: every block's code and shown output."""
    h = hashlib.sha256()
    for block in parse_page(page):
        for part in (block.code, block.expected):
            h.update(part.encode("utf-8"))
            h.update(b"\0")
    return h.hexdigest()[:16]


class Collector:
    """Gathers one outcome per doc item; `report()` makes the JSON document."""

    def __init__(self, device: str):
        self.device = device
        self.blocks: dict[str, dict] = {}   # test id -> {"page", "outcome", "message"}

    def add(self, test_id: str, page: str, outcome: str, message: str = "") -> None:
        """outcome: passed, failed or skipped; page: its key, 'en/autograd.md'."""
        entry = self.blocks.setdefault(test_id, {"page": page, "outcome": outcome, "message": ""})
        entry["outcome"] = worse(entry["outcome"], outcome)
        if outcome == "failed":
            entry["message"] = message

    def ran(self) -> bool:
        """True if at least one block was run and compared (not all skipped)."""
        return any(b["outcome"] != "skipped" for b in self.blocks.values())

    def report(self, docs: Path, date: datetime.date | None = None) -> dict:
        pages: dict[str, dict] = {}
        for test_id, b in sorted(self.blocks.items()):
            page = pages.setdefault(b["page"], {"passed": 0, "failed": 0, "skipped": 0, "failures": []})
            page[b["outcome"]] += 1
            if b["outcome"] == "failed":
                page["failures"].append({"test": test_id, "message": b["message"]})
        for key, page in pages.items():
            if page["failed"]:
                page["status"] = "failed"
            elif page["skipped"] or not page["passed"]:
                page["status"] = "skipped"
            else:
                page["status"] = "passed"
            try:
                page["digest"] = digest(docs / key)
            except (OSError, DocTestError):
                page["digest"] = ""
        return {
            "format": FORMAT,
            "date": (date or datetime.datetime.now(datetime.timezone.utc).date()).isoformat(),
            "device": self.device,
            "device_name": device_name(self.device),
            "python": platform.python_version(),
            "torch": module_version("torch"),
            "numpy": module_version("numpy"),
            "pages": dict(sorted(pages.items())),
        }

    def write(self, path: Path, docs: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.report(docs), indent=1, sort_keys=True, ensure_ascii=False) + "\n",
                        encoding="utf-8")


def worse(old: str | None, new: str) -> str:
    order = ["passed", "skipped", "failed"]
    return new if old is None else max(old, new, key=order.index)


def module_version(name: str) -> str:
    module = sys.modules.get(name)
    if module is not None and getattr(module, "__version__", None):
        return str(module.__version__)
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def device_name(device: str) -> str:
    if device == "cpu":
        return "CPU"
    torch = sys.modules.get("torch")
    try:
        return torch.cuda.get_device_name(0)
    except Exception:  # noqa: BLE001 - no torch, no GPU: the kind of device is all we know
        return device.upper()


def read(path: Path) -> dict | None:
    """The report at path, or None if there is none; a report we cannot read is an error."""
    if not path.is_file():
        return None
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise ValueError(f"{path}: not a doc-test report ({err})") from None
    if not isinstance(report, dict) or report.get("format") != FORMAT:
        raise ValueError(f"{path}: not a doc-test report of format {FORMAT}; rerun pytest docs")
    return report
