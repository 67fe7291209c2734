"""A Hindi page older than its English twin is visible: a notice on the built page, and a report.

Each docs/hi page records in its front matter the git blob id of the English page it
translates (`translated_from`); see tools/translations.py.
"""
import subprocess

import pytest

import mini_site
from mini_site import ENGLISH, HINDI
from tools.page import ROOT, rel
from tools import translations
from tools.translations import blob_id, mark, recorded_id, report, status, translated_pages

NOTICE_TITLE = "पुराना अनुवाद"
EARLY = [mini_site.built]


@pytest.fixture
def docs(tmp_path):
    """A marked pair of twins, in a git repository (so old English versions can be looked up)."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    docs = mini_site.write(tmp_path, {"en/index.md": ENGLISH, "hi/index.md": HINDI,
                                 "en/page.md": ENGLISH, "hi/page.md": HINDI})
    for page in translated_pages(docs):
        mark(page, docs)
    return docs


def test_mark_records_the_english_blob_id(docs):
    page = docs / "hi" / "page.md"
    text = page.read_text(encoding="utf-8")
    assert text.startswith("---\ntranslated_from: ") and text.endswith(HINDI)
    assert recorded_id(text) == blob_id(ENGLISH.encode())[:12]
    assert not status(page, docs).stale
    mark(page, docs)
    assert page.read_text(encoding="utf-8") == text, "marking twice changes nothing"


def test_editing_the_english_page_makes_the_twin_stale_until_marked(docs):
    english, page = docs / "en" / "page.md", docs / "hi" / "page.md"
    assert report(docs)[1] == 0
    english.write_text(ENGLISH + "\nA new paragraph about gradients.\n", encoding="utf-8")
    assert status(page, docs).stale and not status(docs / "hi" / "index.md", docs).stale
    text, code = report(docs)
    assert code == 1 and "hi/page.md" in text and "hi/index.md" not in text
    assert "+A new paragraph about gradients." in text, f"the report shows what changed:\n{text}"
    assert translations.main(["--docs", str(docs), "mark", str(page)]) == 0
    assert not status(page, docs).stale and report(docs)[1] == 0


def test_a_page_never_marked_is_stale(tmp_path):
    docs = mini_site.write(tmp_path, {"en/page.md": ENGLISH, "hi/page.md": HINDI})
    assert status(docs / "hi" / "page.md", docs).stale
    assert "never marked" in report(docs)[0]


def test_the_built_hindi_page_shows_the_notice_when_the_english_page_changes(early):
    site = early(mini_site.built)  # mini_site.TWINS: both marked, then changed.md's English changed
    assert NOTICE_TITLE not in mini_site.html(site, "hi/fresh.md"), "a fresh translation has no notice"
    page = mini_site.html(site, "hi/changed.md")
    assert NOTICE_TITLE in page and 'href="../../changed/"' in page, "the notice links to the English page"
    assert page.index(NOTICE_TITLE) < page.index("संख्याएँ रखता है"), "the notice stands at the top"
    assert NOTICE_TITLE not in mini_site.html(site, "en/changed.md")


def test_every_hindi_page_records_what_it_translates():
    docs = ROOT / "docs"
    unmarked = [rel(p) for p in translated_pages(docs) if recorded_id(p.read_text(encoding="utf-8")) is None]
    assert not unmarked, ("pages that do not record which English version they translate "
                          "(python -m tools.translations mark PAGE):\n" + "\n".join(unmarked))
