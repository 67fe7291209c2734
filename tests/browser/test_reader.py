"""The reader's experience in a real browser (Debian's Chromium, headless), every page of
both languages, served from 127.0.0.1 as the real host serves it (under site_url's path).

Run alone with `pytest -m browser`. Screenshots of every page go to tests/screenshots/.
"""
from __future__ import annotations

from urllib.parse import unquote, urlsplit

import pytest

from conftest import PAGES, RAW_TEX, off_site
from tools.doctests import parse_page
from tools.served_site import built_pages, formula_count

pytestmark = pytest.mark.browser
IDS = [p.name for p in PAGES]


def test_every_built_page_is_checked(site):
    """The pages these tests visit (found under docs/) are exactly the pages the build wrote."""
    assert built_pages(site) - {"404/"} == {p.path for p in PAGES}


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_page_loads_cleanly(page, visit):
    """HTTP 200, no console error, no failed request (a 404 or an aborted one)."""
    v = visit(page)
    assert v.status == 200, f"{v.url}: HTTP {v.status}"
    assert not v.failed, f"{v.url}: failed requests:\n" + "\n".join(v.failed)
    assert not v.console_errors, f"{v.url}: console errors:\n" + "\n".join(v.console_errors)


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_no_request_leaves_the_local_server(page, visit, server):
    """Fonts, KaTeX, scripts, analytics: everything comes from the site itself."""
    v = visit(page)
    foreign = sorted({u for u in v.requests if off_site(u, server)})
    assert not foreign, f"{v.url} asked other hosts for:\n" + "\n".join(foreign)


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_html_lang_is_the_page_language(page, visit):
    assert visit(page).html_lang == page.lang


def check_math(v, expected: int):
    assert v.math["errors"] == 0, f"{v.url}: {v.math['errors']} merror/.temml-error elements"
    assert v.math["formulas"] == expected, (
        f"{v.url}: {v.math['formulas']} rendered formulas (<math>), {expected} in {v.page.source.name}")
    assert v.math["invisible"] == 0, f"{v.url}: {v.math['invisible']} formulas take no space"
    left = [t for t in RAW_TEX if t in v.visible_text]
    assert not left, f"{v.url}: raw TeX delimiters {left} in the visible text (outside code)"


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_math_renders(page, visit):
    """One <math> element per formula of the source, no error element, no raw delimiters,
    and the formulas drawn in the site's math font (loaded, not a system fallback).
    Notebook pages count the formulas of their Markdown cells."""
    v = visit(page)
    check_math(v, formula_count(page.source))
    if formula_count(page.source):
        assert v.math["font"], f"{v.url}: the math font (Latin Modern Math) was not loaded"


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_math_is_rendered_without_javascript(page, visit_without_js):
    """The formulas are MathML in the page itself (rendered at build time), so a reader
    with JavaScript off sees every one of them."""
    check_math(visit_without_js(page), formula_count(page.source))


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_devanagari_is_drawn_with_real_glyphs(page, visit):
    """Every page has Devanagari (Hindi pages throughout, English ones in the language menu).
    devanagari.js draws each Devanagari character of the page, in the font CSS gives it, on a
    canvas and compares the pixels with a character no font has (U+0378): Chromium draws every
    missing glyph as the same .notdef box, so with no Devanagari font installed every letter
    equals that box (seen: with FONTCONFIG_FILE listing only DejaVu, all 58 letters of the
    Hindi tensors page did) and this test fails."""
    fonts = visit(page).devanagari
    assert fonts, f"{page.name}: no Devanagari text found"
    for f in fonts:
        assert not f["asTofu"], f"{page.name}: drawn as missing glyphs in {f['font']}: {f['asTofu']}"
        assert f["distinct"] == f["chars"], f"{page.name}: {f['chars']} letters, {f['distinct']} shapes in {f['font']}"


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_language_switcher_leads_to_the_same_page(page, visit, server):
    """The language menu's link to the other language points at this page's translation, and
    clicking it (Material's script intercepts the click) lands there."""
    want = server.url(page.counterpart_path)
    v = visit(page)
    assert v.switcher_href == want, f"{page.name}: the switcher links to {v.switcher_href}, not {want}"
    assert v.switcher_led_to == want, f"{page.name}: the switcher led to {v.switcher_led_to}, not {want}"
    assert v.switcher_lang == ("en" if page.lang == "hi" else "hi")


# (term typed into the search box, the page that must be the first result)
SEARCH = [
    ("टेंसर", "hi/tensors/"),
    ("ग्रेडिएंट", "hi/autograd/"),
    ("अवकलन", "hi/autograd/"),
    ("बैकप्रोपेगेशन", "hi/backprop/"),
    ("प्री-ट्रेनिंग", "hi/pretraining/"),
    ("एम्बेडिंग", "hi/components/"),
    ("अटेंशन", "hi/components/"),
    ("ट्रांसपोज़", "hi/tensors/"),
    ("tensor", "tensors/"),
    ("backpropagation", "backprop/"),
    ("attention", "components/"),
]


@pytest.fixture(scope="module")
def search_box(context, server):
    """search_box(lang) -> the search input of that language's home page, loaded once."""
    tabs = {}

    def box(lang):
        if lang not in tabs:
            tabs[lang] = context.new_page()
            tabs[lang].goto(server.url("hi/" if lang == "hi" else ""), wait_until="networkidle")
        return tabs[lang]

    yield box
    for tab in tabs.values():
        tab.close()


@pytest.mark.parametrize("term, first", SEARCH, ids=[t for t, _ in SEARCH])
def test_search_lists_the_right_page_first(term, first, search_box, server):
    """Typing the term lists the chapter first. (Notebook pages, which hold the chapters'
    text, are left out of the index: lunr ranked notebooks/tensors/ first for 'tensor'.)"""
    tab = search_box("hi" if first.startswith("hi/") else "en")
    box = tab.locator("input.md-search__input")
    box.click()
    box.fill("")  # clear the previous term's results first
    box.press("End")
    tab.wait_for_selector(".md-search-result__item", state="detached")
    box.fill(term)
    box.press("End")  # Material's search listens to key events; fill() alone sends none
    tab.wait_for_selector(".md-search-result__item > a", timeout=10_000)
    hrefs = tab.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
    pages = [unquote(urlsplit(h).path) for h in hrefs]
    assert pages[0] == urlsplit(server.url(first)).path, f"{term!r}: results {pages}"


CODE_PAGES = [p for p in PAGES if p.source.suffix == ".md" and parse_page(p.source)]


@pytest.mark.parametrize("page", CODE_PAGES, ids=[p.name for p in CODE_PAGES])
def test_copy_button_copies_exactly_the_code(page, visit):
    """Each Python block's copy button puts the block's code (as the doc tests run it, from
    the snippet file) on the clipboard, nothing more, nothing less."""
    assert visit(page).copied == [b.code.rstrip("\n") for b in parse_page(page.source)]
