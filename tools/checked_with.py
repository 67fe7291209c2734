"""The "checked with" line at the bottom of every chapter page, in the page's language.

It says which PyTorch, device and Python the page's outputs were checked with, and when,
and it comes only from the doc tests' reports (tools/doctest_report.py):
`.cache/doctest-report.json` (CPU, written by `pytest docs`) and, once the GPU
job has run, `.cache/doctest-report-cuda.json` (`pytest docs --device cuda`).

A page claims nothing it was not checked for: no report, a page the report does not cover,
or a page whose blocks changed since the run (the digest differs) says "not checked in this
build"; a page whose blocks failed says so. A chapter page is a page with Python blocks.
hooks/checked_with.py adds the line at build time; no page file ever holds it. Its sentences
are strings/<lang>.yml's `checked_with`.
"""
from __future__ import annotations

import html
from pathlib import Path

from tools import doctest_report
from tools.page import DocTestError, page_lang, parse_page
from tools.strings import strings

def load(root: Path) -> dict[str, dict | None]:
    """{"cpu": report or None, "cuda": report or None} from root/.cache/."""
    return {device: doctest_report.read(doctest_report.default_path(device, root)) for device in ("cpu", "cuda")}


def outcome(report: dict | None, key: str, digest: str) -> str:
    """passed, failed, or none (no report, page not in it, or changed since the run)."""
    page = (report or {}).get("pages", {}).get(key)
    if not page or page.get("digest") != digest or page.get("status") not in ("passed", "failed"):
        return "none"
    return page["status"]


def sentence(page: Path, reports: dict[str, dict | None]) -> tuple[str, str] | None:
    """(outcome, the sentence in the page's language), or None for a page without Python blocks."""
    lang = page_lang(page)
    text = strings(lang)["checked_with"]
    try:
        if not parse_page(page):
            return None
        digest = doctest_report.digest(page)
    except DocTestError:  # the doc tests report it; the page claims nothing
        return "none", text["none"]
    key = doctest_report.page_key(page)
    cpu, cuda = reports.get("cpu"), reports.get("cuda")
    result = outcome(cpu, key, digest)
    if result == "none":
        return result, text["none"]
    gpu = outcome(cuda, key, digest)
    extra = text[f"cuda {gpu}"].format(**facts(cuda)) if gpu != "none" and result == "passed" else ""
    return result, text[result].format(**facts(cpu), cuda=extra)


def facts(report: dict) -> dict[str, str]:
    return {"torch": report["torch"], "device": report["device_name"], "python": report["python"],
            "date": report["date"]}


def paragraph(page: Path, reports: dict[str, dict | None]) -> str:
    """The line as HTML (left out of search), or "" for a page without Python blocks."""
    found = sentence(page, reports)
    if found is None:
        return ""
    result, text = found
    return (f'<p class="checked-with" data-checked="{result}" data-search-exclude>'
            f"<small>{html.escape(text)}</small></p>\n")
