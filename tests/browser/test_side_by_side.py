"""The side-by-side mode (tools/side_by_side.py) in a real browser: each chapter's page in both
languages, at a desktop's and a phone's width, shows every section of both twins in order,
each in its own `lang`, and every code block once; the mode is remembered, works without
JavaScript, and stays out of search, the sitemap and the PDFs.
"""
from __future__ import annotations

import functools
import json
from contextlib import ExitStack

import pytest

from conftest import BOTH_PAGES, guarded_context
from tools.site_config import languages
from tools.site_config import twin_language as other

LANGS = languages()

pytestmark = pytest.mark.browser
WIDTHS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
IDS = [p.name for p in BOTH_PAGES]

# The headings and code blocks of a chapter page's article, in order.
CHAPTER_JS = """() => {
  const article = document.querySelector('article.md-content__inner');
  const text = e => e.textContent.replace('¶', '').trim();
  return {
    headings: [...article.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(h => h.tagName + ' ' + text(h)),
    code: [...article.querySelectorAll('div.highlight')].map(e => e.textContent),
  };
}"""
# The same on a side-by-side page, per column, with where each pair's columns sit.
MODE_JS = """() => {
  const article = document.querySelector('article.md-content__inner');
  const text = e => e.textContent.replace('¶', '').trim();
  const column = which => [...article.querySelectorAll('.bilingual__' + which + ' > :is(h1, h2, h3, h4, h5, h6)')]
    .map(h => ({heading: h.tagName + ' ' + text(h), lang: h.closest('[lang]').lang,
                pair: [...article.querySelectorAll('.bilingual')].indexOf(h.closest('.bilingual'))}));
  const box = e => e.getBoundingClientRect();
  const style = e => getComputedStyle(e);
  return {
    lang: document.documentElement.lang,
    own: column('own'), twin: column('twin'),
    columns: [...article.querySelectorAll('.bilingual')].map(p => [p.children[0].lang, p.children[1].lang]),
    code: [...article.querySelectorAll('div.highlight')].map(e => e.textContent),
    layout: [...article.querySelectorAll('.bilingual')]
      .filter(p => p.children[0].textContent.trim() && p.children[1].textContent.trim())
      .map(p => { const [a, b] = [box(p.children[0]), box(p.children[1])];
                  const [sa, sb] = [style(p.children[0]), style(p.children[1])];
                  return {own: [a.left, a.right, a.top, a.bottom], twin: [b.left, b.right, b.top, b.bottom],
                          sizes: [parseFloat(sa.fontSize), parseFloat(sb.fontSize)], colours: [sa.color, sb.color]}; }),
    overflow: Math.max(0, ...[...document.querySelectorAll('.bilingual, .md-select__inner')]
      .map(e => box(e).right - document.documentElement.clientWidth)),
  };
}"""
# A planted fault: the twin's third section (its heading and the prose under it) taken out.
DROP_A_SECTION_JS = """() => { document.querySelectorAll('.bilingual__twin > h2')[2].parentElement.replaceChildren(); }"""


@pytest.fixture(scope="module")
def tabs(server, browser):
    """{width: a page in a fresh context of that width (light scheme, empty storage)}."""
    with ExitStack() as stack:
        contexts = {width: stack.enter_context(guarded_context(browser, server, color_scheme="light", viewport=size))
                    for width, size in WIDTHS.items()}
        yield {width: context.new_page() for width, context in contexts.items()}


@pytest.fixture(scope="module")
def chapter_of(tabs, server):
    """chapter_of(path) -> the headings and code blocks of a chapter page, read in the browser."""
    @functools.cache
    def read(path):
        tabs["desktop"].goto(server.url(path), wait_until="load")
        return tabs["desktop"].evaluate(CHAPTER_JS)

    return read


def problems(mode: dict, own: dict, twin: dict, lang: str, width: str) -> list[str]:
    """What is wrong with a side-by-side page (MODE_JS) whose own chapter page and twin read as
    `own` and `twin` (CHAPTER_JS)."""
    found = []
    twin_lang = other(lang)
    if mode["lang"] != lang:
        found.append(f"<html lang={mode['lang']!r}>, not {lang!r}")
    for name, column, chapter, want_lang in (("own", mode["own"], own, lang), ("twin", mode["twin"], twin, twin_lang)):
        headings = [h["heading"] for h in column]
        if headings != chapter["headings"]:
            missing = [h for h in chapter["headings"] if h not in headings]
            found.append(f"{name} column's headings differ from its chapter page's (missing: {missing}):\n"
                         f"  {headings}\n  {chapter['headings']}")
        wrong = [h["heading"] for h in column if h["lang"] != want_lang]
        if wrong:
            found.append(f"{name} column: headings not in lang={want_lang}: {wrong}")
    if [h["pair"] for h in mode["own"]] != [h["pair"] for h in mode["twin"]]:
        found.append("a section's heading and its twin's are not in the same pair")
    if any(c != [lang, twin_lang] for c in mode["columns"]):
        found.append(f"pairs whose columns are not lang={lang} then lang={twin_lang}: {mode['columns']}")
    if mode["code"] != own["code"]:
        found.append(f"{len(mode['code'])} code and output blocks, not the chapter's {len(own['code'])} once each")
    for pair in mode["layout"]:
        (a_left, a_right, a_top, _), (b_left, _, b_top, _) = pair["own"], pair["twin"]
        side_by_side = b_left >= a_right - 1 and abs(b_top - a_top) < 2
        if width == "desktop" and not side_by_side:
            found.append(f"at 1280 px a pair is not in two columns: {pair}")
        if width == "phone" and not (b_top >= pair["own"][3] - 1 and abs(b_left - a_left) < 30):
            found.append(f"at 390 px a pair's twin is not under it: {pair}")
        if width == "phone" and not (pair["sizes"][1] < pair["sizes"][0] and pair["colours"][0] != pair["colours"][1]):
            found.append(f"at 390 px a twin is not set smaller and lighter: {pair}")
    if not mode["layout"]:
        found.append("no pair with text in both languages")
    if mode["overflow"] > 0:
        found.append(f"a pair or the language menu reaches {mode['overflow']} px past the window's edge")
    return found


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("page", BOTH_PAGES, ids=IDS)
def test_every_section_of_both_twins_in_order_with_its_lang(page, width, tabs, chapter_of, server):
    """Each section of both chapter pages, in order, its twin's heading in the same pair, each
    column in its own `lang`; code and output blocks once (as on the chapter page); at 1280 px
    two columns, at 390 px the twin under its section, smaller and lighter."""
    tab = tabs[width]
    tab.goto(server.url(page.path), wait_until="load")
    mode = tab.evaluate(MODE_JS)
    chapter = page.path.removesuffix("both/")
    twin = chapter_of(page.counterpart_path.removesuffix("both/"))
    found = problems(mode, chapter_of(chapter), twin, page.lang, width)
    assert not found, f"{page.path} at {WIDTHS[width]['width']} px:\n" + "\n".join(found)


def test_a_missing_section_is_reported(tabs, chapter_of, server):
    """The check above, shown a page whose twin lost a section (taken out in the browser)."""
    page = next(p for p in BOTH_PAGES if p.lang == "hi")
    tab = tabs["desktop"]
    tab.goto(server.url(page.path), wait_until="load")
    tab.evaluate(DROP_A_SECTION_JS)
    mode = tab.evaluate(MODE_JS)
    found = problems(mode, chapter_of(page.path.removesuffix("both/")),
                     chapter_of(page.counterpart_path.removesuffix("both/")), page.lang, "desktop")
    assert any(p.startswith("twin column's headings differ") for p in found), found


@pytest.mark.parametrize("lang", LANGS)
def test_the_mode_is_remembered(lang, server, browser):
    """The link under a chapter's title opens its side-by-side page; from then on a chapter page
    goes there by itself (the next chapter's too), until the reader picks one language again."""
    chapters = [p for p in BOTH_PAGES if p.lang == lang]
    first, second = chapters[0].path.removesuffix("both/"), chapters[1].path.removesuffix("both/")
    with guarded_context(browser, server, color_scheme="light") as context:
        tab = context.new_page()
        tab.goto(server.url(first), wait_until="load")
        with tab.expect_navigation(wait_until="load"):
            tab.locator("p.both-link a").click()
        assert tab.url == server.url(first + "both/")
        tab.goto(server.url(second), wait_until="load")
        assert tab.url == server.url(second + "both/"), "the mode was not remembered"
        with tab.expect_navigation(wait_until="load"):
            tab.locator('p.bilingual__switch a[data-both="off"]').click()
        assert tab.url == server.url(second)
        tab.goto(server.url(first), wait_until="load")
        assert tab.url == server.url(first), "the mode stayed on after the reader left it"


def test_the_mode_works_without_javascript(server, no_js_context):
    """The link under the title and the language menu lead to the side-by-side page, and its
    links lead on (to the next chapter's side-by-side page, back to one language)."""
    with no_js_context.new_page() as tab:
        page = BOTH_PAGES[0]
        chapter = page.path.removesuffix("both/")
        tab.goto(server.url(chapter), wait_until="load")
        assert tab.locator("p.both-link a").get_attribute("href") == "both/"
        assert tab.locator("li[data-both-entry] a").get_attribute("href") == "both/"
        with tab.expect_navigation(wait_until="load"):
            tab.locator("p.both-link a").click()
        assert tab.url == server.url(page.path)
        assert tab.locator(".bilingual").count() > 5
        assert tab.locator("a.md-footer__link--next").get_attribute("href").endswith("/both/")
        assert tab.locator('p.bilingual__switch a[data-both="off"]').get_attribute("href") == "../"
        hi = tab.locator('a.md-select__link[hreflang="hi"]').get_attribute("href")
        assert hi == "../../hi/" + chapter + "both/", hi


def test_the_mode_stays_out_of_search_the_sitemap_and_the_pdfs(site, texts):
    """Search lists each text once (the chapter pages), the sitemap lists the chapters, and the
    PDFs print neither the mode's pages nor the link to them."""
    for index in (site / "search" / "search_index.json", site / "hi" / "search" / "search_index.json"):
        docs = json.loads(index.read_text(encoding="utf-8"))["docs"]
        assert docs and not [d["location"] for d in docs if "both/" in d["location"]], index
        assert not [d["location"] for d in docs if "Read it side by side" in d["text"] or "साथ-साथ पढ़िए" in d["text"]]
    assert "/both/" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    for lang, link in (("en", "Read it side by side"), ("hi", "साथ-साथ पढ़िए")):
        text = texts[lang]
        assert text and link not in text and "English + " not in text, f"llm-basics-{lang}.pdf prints the mode's link"
