"""The "checked with" line: from the doc tests' report only, in the page's language, never a false claim."""
import json

import pytest

import mini_site
from tools import checked_with, doctest_report
from tools.page import ROOT
from tools.site_config import chapter_pages, chapters

PAGE = mini_site.SUMS["en/sums.md"]
NO_CODE = "# Home\n\nNo code here.\n"


@pytest.fixture
def docs(tmp_path):
    return mini_site.write(tmp_path, {**mini_site.SUMS, "en/index.md": NO_CODE})


def report(docs, status="passed", device="cpu", torch="2.13.0+cpu", date="2026-11-27", **changes):
    """A report as tools/doctest_report.py writes it, for both sums.md pages."""
    pages = {key: {"passed": 1, "failed": 0, "skipped": 0, "failures": [], "status": status,
                   "digest": doctest_report.digest(docs / key)} for key in ("en/sums.md", "hi/sums.md")}
    for key, change in changes.items():
        pages[key.replace("_", "/") + ".md"].update(change)
    return {"format": 1, "date": date, "device": device, "python": "3.11.7", "torch": torch, "numpy": "2.4.6",
            "device_name": "CPU" if device == "cpu" else "NVIDIA H100 80GB HBM3", "session": {}, "pages": pages}


def line(docs, page, cpu, cuda=None):
    return checked_with.sentence(docs / page, {"cpu": cpu, "cuda": cuda})


@pytest.mark.parametrize("page, passed, none", [
    ("en/sums.md", "Every output on this page was checked with PyTorch 2.13.0+cpu (CPU) and Python 3.11.7 on 2026-11-27.",
     "The outputs on this page were not checked in this build."),
    ("hi/sums.md", "इस पेज का हर आउटपुट 2026-11-27 को PyTorch 2.13.0+cpu (CPU) और Python 3.11.7 पर जाँचा गया।",
     "इस बिल्ड में इस पेज के आउटपुट जाँचे नहीं गए।"),
])
def test_a_passed_page_names_torch_device_python_and_date_in_its_language(docs, page, passed, none):
    assert line(docs, page, report(docs)) == ("passed", passed)
    assert line(docs, page, None) == ("none", none)  # without a report: not checked


def test_a_failed_page_does_not_claim_it_passed(docs):
    cpu = report(docs, en_sums={"status": "failed", "passed": 0, "failed": 1})
    result, text = line(docs, "en/sums.md", cpu)
    assert result == "failed" and text.startswith("Some outputs on this page did not match"), text
    assert "PyTorch 2.13.0+cpu (CPU) and Python 3.11.7 on 2026-11-27" in text
    assert line(docs, "hi/sums.md", cpu)[0] == "passed"  # the other language's page is its own


def test_a_page_not_run_or_changed_since_the_run_is_not_checked(docs):
    assert line(docs, "en/sums.md", report(docs, en_sums={"status": "skipped"}))[0] == "none"
    assert line(docs, "en/sums.md", {**report(docs), "pages": {}})[0] == "none"
    cpu = report(docs)
    (docs / "en/sums.md").write_text(PAGE.replace("1 + 1", "1 + 1 + 0"), encoding="utf-8")
    assert line(docs, "en/sums.md", cpu)[0] == "none"  # the page's digest is not the report's


def test_the_gpu_run_adds_its_own_version_and_date(docs):
    cuda = report(docs, device="cuda", torch="2.13.0", date="2026-11-28")
    assert line(docs, "en/sums.md", report(docs), cuda)[1].endswith(
        "on 2026-11-27, and on CUDA (NVIDIA H100 80GB HBM3, PyTorch 2.13.0) on 2026-11-28.")
    assert line(docs, "hi/sums.md", report(docs), cuda)[1].endswith(
        "पर जाँचा गया, और 2026-11-28 को CUDA (NVIDIA H100 80GB HBM3, PyTorch 2.13.0) पर भी।")
    failed = report(docs, device="cuda", date="2026-11-28", en_sums={"status": "failed"})
    assert line(docs, "en/sums.md", report(docs), failed)[1].endswith(
        "on 2026-11-27. On CUDA (NVIDIA H100 80GB HBM3, PyTorch 2.13.0+cpu) some did not match on 2026-11-28.")
    # no CUDA claim on a page whose CPU check did not pass
    assert "CUDA" not in line(docs, "en/sums.md", report(docs, status="failed"), cuda)[1]


def test_pages_without_python_blocks_get_no_line(docs):
    assert line(docs, "en/index.md", report(docs)) is None
    assert checked_with.paragraph(docs / "en/index.md", {"cpu": None, "cuda": None}) == ""


def test_every_chapter_page_in_every_language_gets_a_line():
    assert len(chapters()) >= 5, chapters()
    for page in chapter_pages():
        assert page.is_file(), f"{page}: a chapter with no page in {page.relative_to(ROOT / 'docs').parts[0]}"
        assert checked_with.paragraph(page, {"cpu": None, "cuda": None}).startswith(
            '<p class="checked-with" data-checked="none" data-search-exclude><small>'), page


# The builds (mini_site: mkdocs build --strict with the hooks), in the background (conftest: EARLY).

def built_with_a_report(folder):
    docs = mini_site.write(folder, {**mini_site.SUMS, "en/index.md": NO_CODE, "hi/index.md": NO_CODE})
    (folder / ".cache").mkdir()
    (folder / ".cache" / "doctest-report.json").write_text(json.dumps(report(docs)), encoding="utf-8")
    return mini_site.build(folder)


def built_with_an_unreadable_report(folder):
    mini_site.write(folder, {"en/sums.md": PAGE})
    (folder / ".cache").mkdir()
    (folder / ".cache" / "doctest-report.json").write_text("{not json", encoding="utf-8")
    return mini_site.build(folder)


EARLY = [built_with_a_report, mini_site.built, built_with_an_unreadable_report]


@pytest.mark.parametrize("build, en, hi", [
    (built_with_a_report, '<p class="checked-with" data-checked="passed" data-search-exclude><small>Every output '
     "on this page was checked with PyTorch 2.13.0+cpu (CPU)", "<small>इस पेज का हर आउटपुट 2026-11-27 को"),
    (mini_site.built,  # its mini_site.SUMS pages; it has no report
     "The outputs on this page were not checked in this build.", "इस बिल्ड में इस पेज के आउटपुट जाँचे नहीं गए।"),
], ids=["report", "no report"])
def test_the_build_adds_the_line_from_the_report_in_each_language(early, build, en, hi):
    site = early(build)
    assert en in mini_site.html(site, "en/sums.md") and hi in mini_site.html(site, "hi/sums.md")
    assert "checked-with" not in mini_site.html(site, "en/index.md")


def test_an_unreadable_report_fails_the_build(early):
    with pytest.raises(RuntimeError, match="not a doc-test report"):
        early(built_with_an_unreadable_report)
