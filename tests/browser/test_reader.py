"""The reader's experience in a real browser (Debian's Chromium, headless), every page of
both languages, served from 127.0.0.1 as the real host serves it (under site_url's path).

Run alone with `pytest -m browser`. Screenshots of every page go to tests/screenshots/.
"""
from __future__ import annotations

import functools
import re
from difflib import SequenceMatcher
from urllib.parse import unquote, urlsplit

import pytest

from conftest import BOTH_PAGES, PAGES, RAW_TEX, guarded_context, light_visits
from helpers import GLOSSARY, MISSPELT_CHAIN
from tools.page import parse_page
from tools.glossary import spelling_variants, terms
from tools.served_site import built_pages, formula_count, off_site
from tools.site_config import twin_language

pytestmark = pytest.mark.browser
IDS = [p.name for p in PAGES]
EARLY = [light_visits]  # tests/browser/conftest.py: the visits, in the background


def test_every_built_page_is_checked(site):
    """The pages these tests visit (found under docs/, and each chapter's side-by-side pages)
    are exactly the pages the build wrote."""
    assert built_pages(site) - {"404/"} == {p.path for p in PAGES + BOTH_PAGES}


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_page_loads_cleanly(page, visit, server):
    """HTTP 200, no console error, no failed request (a 404 or an aborted one), and no request
    leaves the local server: fonts, math, scripts, analytics, everything comes from the site itself."""
    v = visit(page)
    assert v.status == 200, f"{v.url}: HTTP {v.status}"
    foreign = sorted({u for u in v.requests if off_site(u, server)})
    assert not foreign, f"{v.url} asked other hosts for:\n" + "\n".join(foreign)
    assert not v.failed, f"{v.url}: failed requests:\n" + "\n".join(v.failed)
    assert not v.console_errors, f"{v.url}: console errors:\n" + "\n".join(v.console_errors)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_math_renders(page, javascript, visit, visit_without_js):
    """One <math> element per formula of the source, no error element, no raw delimiters, with
    JavaScript and without (the formulas are MathML in the page itself, rendered at build time,
    so a reader with JavaScript off sees every one of them); with it, the formulas drawn in the
    site's math font (loaded, not a system fallback).
    Notebook pages count the formulas of their Markdown cells."""
    v = visit(page) if javascript else visit_without_js(page)
    expected = formula_count(page.source)
    assert v.math["errors"] == 0, f"{v.url}: {v.math['errors']} merror/.temml-error elements"
    assert v.math["formulas"] == expected, (
        f"{v.url}: {v.math['formulas']} rendered formulas (<math>), {expected} in {v.page.source.name}")
    assert v.math["invisible"] == 0, f"{v.url}: {v.math['invisible']} formulas take no space"
    left = [t for t in RAW_TEX if t in v.visible_text]
    assert not left, f"{v.url}: raw TeX delimiters {left} in the visible text (outside code)"
    if javascript and expected:
        assert v.math["font"], f"{v.url}: the math font (Latin Modern Math) was not loaded"


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
def test_page_is_in_its_language_and_the_switcher_leads_to_its_twin(page, visit, server):
    """<html lang> is the page's language; the language menu's link to the other language
    points at this page's translation, and clicking it (Material's script intercepts the click)
    lands there."""
    want = server.url(page.counterpart_path)
    v = visit(page)
    assert v.html_lang == page.lang, f"{page.name}: <html lang={v.html_lang!r}>"
    assert v.switcher_href == want, f"{page.name}: the switcher links to {v.switcher_href}, not {want}"
    assert v.switcher_led_to == want, f"{page.name}: the switcher led to {v.switcher_led_to}, not {want}"
    assert v.switcher_lang == twin_language(page.lang)


# (the site whose search box is used, term typed, the page that must be the first result)
SEARCH = [
    ("hi", "टेंसर", "hi/tensors/"),
    ("hi", "ग्रेडिएंट", "hi/autograd/"),
    ("hi", "अवकलन", "hi/autograd/"),
    ("hi", "बैकप्रोपेगेशन", "hi/backprop/"),
    ("hi", "प्री-ट्रेनिंग", "hi/pretraining/"),
    ("hi", "एम्बेडिंग", "hi/components/"),
    ("hi", "अटेंशन", "hi/components/"),
    ("hi", "ट्रांसपोज़", "hi/tensors/"),
    ("hi", "शृंखला", "hi/autograd/"),
    # the spellings readers type, which the pages avoid (glossary/terms.yml variants)
    ("hi", MISSPELT_CHAIN, "hi/autograd/"),
    ("hi", "टेन्सर", "hi/tensors/"),
    ("hi", "ग्रेडियंट", "hi/backprop/"),  # the Hindi backprop page now says ग्रेडिएंट most (every layer's gradient)
    # English terms typed on the Hindi site find the Hindi chapters (the term is in brackets)
    ("hi", "gradient", "hi/backprop/"),
    ("hi", "dropout", "hi/components/"),
    ("hi", "ड्रॉपआउट", "hi/components/"),
    ("hi", "tensor", "hi/tensors/"),
    ("en", "tensor", "tensors/"),
    ("en", "gradient", "backprop/"),  # the backprop page says gradient most (initialisation, checking, clipping)
    ("en", "backpropagation", "backprop/"),
    ("en", "attention", "components/"),
]


@pytest.fixture(scope="module")
def search_box(browser, server):
    """search_box(lang) -> the search input of that language's home page, loaded once."""
    with guarded_context(browser, server, color_scheme="light") as context:
        @functools.cache
        def box(lang):
            tab = context.new_page()
            tab.goto(server.url("hi/" if lang == "hi" else ""), wait_until="networkidle")
            return tab

        yield box


@pytest.fixture(scope="module")
def search(search_box):
    """search(lang, term) -> the paths of the results listed for `term` on that site, in order."""
    @functools.cache
    def results(lang, term):
        tab = search_box(lang)
        box = tab.locator("input.md-search__input")
        box.click()
        box.fill("")  # clear the previous term's results first
        box.press("End")
        tab.wait_for_selector(".md-search-result__item", state="detached")
        box.fill(term)
        box.press("End")  # Material's search listens to key events; fill() alone sends none
        tab.wait_for_selector(".md-search-result__item > a", timeout=10_000)
        hrefs = tab.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
        return [unquote(urlsplit(h).path) for h in hrefs]
    return results


@pytest.mark.parametrize("lang, term, first", SEARCH, ids=[f"{lang}-{t}" for lang, t, _ in SEARCH])
def test_search_lists_the_right_page_first(lang, term, first, search, server):
    """Typing the term lists the chapter first. (Notebook pages, which hold the chapters'
    text, are left out of the index: lunr ranked notebooks/tensors/ first for 'tensor'.)
    Each language's site searches its own pages only: a Hindi reader who types the English
    term gets the Hindi chapters, not the English ones (hooks/search_index.py)."""
    pages = search(lang, term)
    assert pages[0] == urlsplit(server.url(first)).path, f"{term!r} on the {lang} site: results {pages}"
    root = urlsplit(server.url("")).path
    foreign = [p for p in pages if p.removeprefix(root).startswith("hi/") != (lang == "hi")]
    assert not foreign, f"{term!r} on the {lang} site lists other languages' pages: {foreign}"


def own_words(variant: str, term: dict) -> str:
    """The words of the glossary's spelling that `variant` stands for: the run of as many
    words of the term (with its standard Hindi word) that is most like it
    (केन्द्रीय -> केंद्रीय, of केंद्रीय अंतर)."""
    def split(text):
        return re.split(r"[\s,()-]+", text.strip())

    words, n = split(f"{term['hi']} {term.get('hi_also', '')}"), len(split(variant))
    runs = [" ".join(words[i:i + n]) for i in range(len(words) - n + 1)] or [" ".join(words)]
    return max(runs, key=lambda run: SequenceMatcher(None, variant, run).ratio())


# The Hindi Markdown pages' text, by path (notebook pages are not in the search index).
HINDI_PAGE_TEXT = {p.path: p.source.read_text(encoding="utf-8") for p in PAGES if p.lang == "hi" and p.source.suffix == ".md"}
VARIANTS = sorted({(variant, own_words(variant, t)) for t in terms(GLOSSARY) for variant, term in
                   spelling_variants(GLOSSARY).items() if term == t["hi"]})
VARIANTS = [(v, w) for v, w in VARIANTS if any(w in text for text in HINDI_PAGE_TEXT.values())]


# Material's own search worker, set up as the page sets it up (its __config: base and worker),
# answers many queries at once: the first three pages listed for each.
SEARCH_ENGINE_JS = """async queries => {
  const config = JSON.parse(document.querySelector('#__config').textContent);
  const base = new URL(config.base, location.href);
  const worker = new Worker(new URL(config.search, location.href));
  const ask = message => new Promise(resolve => {
    worker.onmessage = e => { if (e.data.type === message.type + 1) resolve(e.data.data); };
    worker.postMessage(message);
  });
  const index = await (await fetch(new URL('search/search_index.json', base))).json();
  await ask({type: 0, data: {config: index.config, docs: index.docs, options: {suggest: false}}});
  const first = {};
  for (const q of queries) {
    const items = (await ask({type: 2, data: q})).items;
    first[q] = items.slice(0, 3).map(group => new URL(group[0].location, base).pathname);
  }
  worker.terminate();
  return first;
}"""


@pytest.fixture(scope="module")
def first_hindi_results(search_box):
    """{variant: the paths of the first three pages Material's search lists for it on the Hindi site}."""
    return search_box("hi").evaluate(SEARCH_ENGINE_JS, [v for v, _ in VARIANTS])


def test_every_variant_spelling_is_checked():
    assert len(VARIANTS) > 50 and ("टेन्सर", "टेंसर") in VARIANTS and (MISSPELT_CHAIN, "शृंखला") in VARIANTS


@pytest.mark.parametrize("variant, own", VARIANTS, ids=[v for v, _ in VARIANTS])
def test_search_finds_a_term_under_its_variant_spellings(variant, own, first_hindi_results, server):
    """A variant spelling of a glossary term (one the pages avoid: टेन्सर for टेंसर) lists
    first a Hindi page that uses the glossary's spelling. A variant of several words
    (ग्रेडिएंट डीसेंट) may have a word that is right on its own and found everywhere (search
    lists pages with any of the words), so its page has to be among the first three."""
    uses = {urlsplit(server.url(path)).path for path, text in HINDI_PAGE_TEXT.items() if own in text}
    listed = first_hindi_results[variant][:1 if len(re.split(r"[\s-]+", variant)) == 1 else 3]
    assert uses & set(listed), f"{variant!r} (for {own!r}) on the hi site lists first {listed}, none of which uses {own!r}"


CODE_PAGES = [p for p in PAGES if p.source.suffix == ".md" and parse_page(p.source)]


@pytest.mark.parametrize("page", CODE_PAGES, ids=[p.name for p in CODE_PAGES])
def test_copy_button_copies_exactly_the_code(page, visit):
    """Each Python block's copy button puts the block's code (as the doc tests run it, from
    the snippet file) on the clipboard, nothing more, nothing less."""
    assert visit(page).copied == [b.code.rstrip("\n") for b in parse_page(page.source)]


@pytest.mark.parametrize("lang_path", ["autograd/", "hi/autograd/"])
def test_the_scheme_toggle_switches_and_is_remembered(lang_path, server, browser):
    """overrides/partials/javascripts/palette.html replaces Material's palette script: the toggle
    shows one button, switches light and dark, and the choice holds on the next page, before
    and after Material's own scripts start (after the first paint). (`server` comes before
    `browser`: the site fixture prints the PDFs with Playwright before this test's starts.)"""
    with guarded_context(browser, server, color_scheme="light") as context:
        tab = context.new_page()
        tab.goto(server.url(lang_path), wait_until="networkidle")
        scheme = "document.body.getAttribute('data-md-color-scheme')"
        visible = "form.md-header__option label:not([hidden])"
        assert tab.evaluate(scheme) == "default"
        assert tab.locator(visible).count() == 1
        tab.locator(visible).click()
        assert tab.evaluate(scheme) == "slate"
        assert tab.locator(visible).count() == 1
        tab.goto(server.url("backprop/" if lang_path == "autograd/" else "hi/backprop/"), wait_until="commit")
        tab.wait_for_selector("form.md-header__option")
        assert tab.evaluate(scheme) == "slate"  # applied in the header, before the page is drawn
        tab.wait_for_load_state("networkidle")
        assert tab.evaluate(scheme) == "slate"
        assert tab.evaluate("typeof component$") == "object", "Material's scripts did not start"
        tab.locator(visible).click()
        assert tab.evaluate(scheme) == "default"


def test_no_script_runs_before_the_first_paint(site):
    """overrides/main.html: every page's scripts (Material's bundle, extra_javascript) wait, as
    placeholders, for the first paint; only small inline scripts run while the page is parsed,
    and no page mounts Material's palette component (its start-up restyles every element twice)."""
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        html = page.read_text(encoding="utf-8")
        if "<body" not in html or "md-header" not in html:
            continue
        body = html.split("<body", 1)[1]
        assert not re.search(r"<script[^>]* src=", body), f"{page}: a <script src> runs before the first paint"
        placeholders = re.findall(r'<script type="text/plain" data-after-first-paint="([^"]+)"', body)
        assert [p.rsplit("/", 1)[-1].split(".")[0] for p in placeholders] == ["bundle", "a11y"], f"{page}: {placeholders}"
        assert 'data-md-component="palette"' not in body, page
