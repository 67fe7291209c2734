"""Session fixtures for the browser tests: one build, one local server, one Chromium.

Every page of both languages is visited once with JavaScript (and once without); the tests
then check what each visit recorded. Requests to any host other than the local server are
recorded and aborted, so the browser never reaches the network.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

from tools.served_site import ROOT, SitePage, SiteServer, build_site, formula_count, launch_chromium, source_pages

HERE = Path(__file__).resolve().parent
SCREENSHOTS = ROOT / "tests" / "screenshots"
DEVANAGARI_JS = (HERE / "devanagari.js").read_text(encoding="utf-8")
PAGES = source_pages()
VIEWPORT = {"width": 1280, "height": 800}

# Text the reader sees, without code blocks and rendered formulas: raw TeX delimiters left in
# it mean a formula was not rendered.
VISIBLE_TEXT_JS = """() => {
  const body = document.body.cloneNode(true);
  body.querySelectorAll('script, style, template, pre, code, math').forEach(e => e.remove());
  return body.textContent;
}"""
# Each formula is one <math> element (hooks/math.py), drawn in the site's own math font.
MATH_JS = """() => ({
  formulas: document.querySelectorAll('.arithmatex > math').length,
  errors: document.querySelectorAll('merror, .temml-error').length,
  invisible: [...document.querySelectorAll('.arithmatex > math')].filter(k => {
    const r = k.getBoundingClientRect();
    return r.width === 0 || r.height === 0;
  }).length,
  font: [...document.fonts].some(f => f.family.replace(/"/g, '') === 'Latin Modern Math' && f.status === 'loaded'),
})"""
RAW_TEX = ("$$", "\\(", "\\[")


@dataclass
class Visit:
    """What a reader's browser did and showed on one page."""
    page: SitePage
    url: str
    status: int | None = None
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    html_lang: str = ""
    math: dict = field(default_factory=dict)
    visible_text: str = ""
    devanagari: list = field(default_factory=list)
    switcher_href: str | None = None
    switcher_led_to: str | None = None
    switcher_lang: str | None = None
    copied: list[str] = field(default_factory=list)
    screenshot: Path | None = None


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("browser") / "site")


@pytest.fixture(scope="session")
def server(site):
    with SiteServer(site) as srv:
        yield srv


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as pw:
        chromium = launch_chromium(pw)
        yield chromium
        chromium.close()


def off_site(url: str, server: SiteServer) -> bool:
    parts = urlsplit(url)
    return parts.scheme not in ("data", "blob", "about") and parts.netloc != server.host


def guarded_context(browser, server, **options):
    """A browser context that aborts every request to another host (the visit records it)."""
    context = browser.new_context(viewport=VIEWPORT, **options)
    context.route(lambda url: off_site(url, server), lambda route: route.abort("blockedbyclient"))
    return context


@pytest.fixture(scope="session")
def context(browser, server):
    context = guarded_context(browser, server, permissions=["clipboard-read", "clipboard-write"])
    yield context
    context.close()


@pytest.fixture(scope="session")
def no_js_context(browser, server):
    context = guarded_context(browser, server, java_script_enabled=False)
    yield context
    context.close()


def record(page, visit: Visit):
    page.on("request", lambda r: visit.requests.append(r.url))
    page.on("requestfailed", lambda r: visit.failed.append(f"{r.url}: {r.failure}"))
    page.on("response", lambda r: r.status >= 400 and visit.failed.append(f"{r.url}: HTTP {r.status}"))
    page.on("console", lambda m: m.type == "error" and visit.console_errors.append(
        f"{m.text} ({m.location.get('url', '')})"))
    page.on("pageerror", lambda e: visit.console_errors.append(f"uncaught: {e}"))


@pytest.fixture(scope="session")
def visit(context, server):
    """visit(page) -> Visit: the page loaded with JavaScript until the network is idle
    (the search worker and its scripts included), measured, photographed; then each Python
    block's copy button is clicked, and last the language menu's link to the other language
    (Material's script intercepts that click). One visit per page per session."""
    visits = {}
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def go(page: SitePage) -> Visit:
        if page in visits:
            return visits[page]
        result = Visit(page, server.url(page.path))
        tab = context.new_page()
        record(tab, result)
        response = tab.goto(result.url, wait_until="networkidle")
        result.status = response.status if response else None
        result.html_lang = tab.evaluate("document.documentElement.lang")
        result.math = tab.evaluate(MATH_JS)
        result.visible_text = tab.evaluate(VISIBLE_TEXT_JS)
        result.devanagari = tab.evaluate(DEVANAGARI_JS)
        other = "en" if page.lang == "hi" else "hi"
        link = tab.locator(f"a.md-select__link[hreflang={other}]")
        result.switcher_href = link.first.evaluate("a => a.href") if link.count() else None
        result.screenshot = SCREENSHOTS / f"{page.name.replace('/', '-')}.png"
        tab.screenshot(path=result.screenshot, full_page=True)
        buttons = tab.locator(".language-python button[data-md-type=copy]")
        for i in range(buttons.count()):
            tab.evaluate("navigator.clipboard.writeText('')")
            buttons.nth(i).click()
            result.copied.append(tab.evaluate("navigator.clipboard.readText()"))
        if result.switcher_href:
            tab.hover(".md-header__option .md-select")
            with tab.expect_navigation(wait_until="load"):
                link.first.click()
            result.switcher_led_to = tab.url
            result.switcher_lang = tab.evaluate("document.documentElement.lang")
        tab.close()
        visits[page] = result
        return result

    return go


@pytest.fixture(scope="session")
def visit_without_js(no_js_context, server):
    """visit_without_js(page) -> Visit with formula counts and visible text, JavaScript off."""
    def go(page: SitePage) -> Visit:
        result = Visit(page, server.url(page.path))
        tab = no_js_context.new_page()
        record(tab, result)
        response = tab.goto(result.url, wait_until="load")
        result.status = response.status if response else None
        result.math = tab.evaluate(MATH_JS)  # Playwright evaluates even when the page's JS is off
        result.visible_text = tab.evaluate(VISIBLE_TEXT_JS)
        tab.close()
        return result

    return go
