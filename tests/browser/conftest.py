"""Session fixtures for the browser tests: one build, one local server, one Chromium.

Every page of both languages is visited once with JavaScript (and once without); the tests
then check what each visit recorded. Requests to any host other than the local server are
recorded and aborted, so the browser never reaches the network; requests to site_url's own
address (the absolute hreflang links, which Material's script follows to the sitemap) are
answered by the local server, as the real host would answer them.

Without a usable Chromium the browser tests are not run: test_chromium.py fails, once,
saying how to install one (tools/served_site.py: CHROMIUM_PATH, CHROMIUM_HELP).
"""
from __future__ import annotations

import atexit
import functools
import shutil
import subprocess
import tempfile
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tools import npm
from tools.served_site import (ROOT, SitePage, SiteServer, build_site, chromium_problem, guarded_context,
                               launch_chromium, side_by_side_pages, source_pages)
from tools.site_config import languages, mkdocs_config, twin_language

HERE = Path(__file__).resolve().parent
SCREENSHOTS = ROOT / "tests" / "screenshots"
DEVANAGARI_JS = (HERE / "devanagari.js").read_text(encoding="utf-8")
PAGES = source_pages()
BOTH_PAGES = side_by_side_pages()  # each chapter in both languages (tools/side_by_side.py)

# Text the reader sees, without code blocks and rendered formulas: raw TeX delimiters left in
# it mean a formula was not rendered.
VISIBLE_TEXT_JS = """() => {
  const body = document.body.cloneNode(true);
  body.querySelectorAll('script, style, template, pre, code, math').forEach(e => e.remove());
  return body.textContent;
}"""
# Each formula is one <math> element (tools/mathml.py), drawn in the site's own math font.
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
SITE_URL = mkdocs_config()["site_url"]  # None unless SITE_URL is set, as the Pages deploy does
# Every page axe checks: the pages of both languages and the two 404 pages.
NOT_FOUND_PAGES = ["404.html", "hi/404.html"]
ALL_PATHS = [p.path for p in PAGES + BOTH_PAGES] + NOT_FOUND_PAGES
AXE_JS = r"""async (only) => (await axe.run(document, {resultTypes: ["violations"], ...(only ? {runOnly: only} : {})}))
  .violations.flatMap(v => v.nodes.map(n =>
    `${v.id} (${v.impact}): ${v.help}\n    at ${n.target.join(" ")}\n    ${n.failureSummary.replace(/\n/g, " ")}`))"""
# The rules a colour scheme can change (the markup is the same in both: only colours differ).
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
# Each Python block scrolled into view (with `content.lazy` Material adds a block's copy button
# when the block first shows), its copy button clicked, and what it put on the clipboard read.
# Waits are by the clock, not a number of frames (the suite runs several Chromiums on two
# cores); a click that put nothing on the clipboard in 2 s is made again, up to 5 times (once, on
# two busy cores, the clipboard stayed empty for 10 s after a single click).
COPY_JS = """async () => {
  const frame = () => new Promise(r => requestAnimationFrame(r))
  const until = async (get, ms) => {
    const end = performance.now() + ms
    let found = await get()
    while (!found && performance.now() < end) { await frame(); found = await get() }
    return found
  }
  const copied = []
  for (const pre of document.querySelectorAll(".language-python pre")) {
    pre.scrollIntoView({block: "center"})
    const button = await until(() => pre.querySelector("button[data-md-type=copy]"), 10000)
    if (!button) { copied.push("(no copy button)"); continue }
    await navigator.clipboard.writeText("")
    let text = ""
    for (let click = 0; !text && click < 5; click++) {
      button.click()
      text = await until(() => navigator.clipboard.readText(), 2000)
    }
    copied.push(text)
  }
  return copied
}"""
SCHEME_JS = "document.body.getAttribute('data-md-color-scheme')"
SVG_BACKDROPS_JS = """() => [...document.querySelectorAll('.md-typeset img[src$=".svg"]')]
  .map(img => getComputedStyle(img).backgroundColor)"""
CHROMIUM_PROBLEM = pytest.StashKey()


@pytest.hookimpl(trylast=True)  # after `-m` and `-k` have deselected what they deselect
def pytest_collection_modifyitems(config, items):
    """Without a usable Chromium, only test_chromium.py's one test runs (and fails, saying how
    to install one): not every browser test erroring with the same traceback."""
    browser_items = [i for i in items if i.get_closest_marker("browser")]
    if not browser_items:
        return
    problem = chromium_problem()
    config.stash[CHROMIUM_PROBLEM] = problem
    if problem:
        left_out = [i for i in browser_items if i.path.name != "test_chromium.py"]
        config.hook.pytest_deselected(items=left_out)
        items[:] = [i for i in items if i not in left_out]


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
    scheme: str = ""
    axe: list[str] = field(default_factory=list)
    svg_backdrops: list[str] = field(default_factory=list)


SHARED: dict = {}
SHARED_LOCK = threading.Lock()
PRINTING_LOCK = threading.Lock()


def shared_server() -> SiteServer:
    """The site, built once (`mkdocs build --strict`) and served on 127.0.0.1 once per session,
    for the tests and for the visits made in the background (light_visits, dark_visits)."""
    with SHARED_LOCK:
        if "server" not in SHARED:
            folder = Path(tempfile.mkdtemp(prefix="pytest-browser-site-"))
            server = SHARED["server"] = SiteServer(build_site(folder / "site")).__enter__()
            server.site = folder / "site"
            atexit.register(lambda: (server.__exit__(None, None, None), shutil.rmtree(folder, ignore_errors=True)))
        return SHARED["server"]


def printed_site() -> Path:
    """The shared site as it is deployed: with both PDFs (tools/pdf.py), which every page's
    footer links to, so link checks over this site find them; printed once per session, by the
    first thread that asks (a background link check, or a test's `site`)."""
    from tools.pdf import print_books  # imported here, as playwright below: `-m "not browser"` needs neither

    with PRINTING_LOCK:
        server = shared_server()
        if "printed" not in SHARED:
            print_books(server.site)
            SHARED["printed"] = True
    return server.site


@pytest.fixture(scope="session")
def site():
    return printed_site()


@pytest.fixture(scope="session")
def server(site):
    return shared_server()


def poppler(tool: str, *args) -> str:
    exe = shutil.which(tool)
    assert exe, f"{tool} not found: install poppler-utils (Debian: apt-get install poppler-utils)"
    return subprocess.run([exe, *map(str, args)], capture_output=True, text=True, check=True).stdout


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="session")
def texts(site):
    """{lang: the text of that language's PDF (pdftotext), its runs of white space made one space}."""
    from tools.pdf import pdf_path

    return {lang: words(poppler("pdftotext", "-enc", "UTF-8", pdf_path(site, lang), "-")) for lang in languages()}


@pytest.fixture(scope="session")
def browser(site):
    """After the site: printing its PDFs starts a Playwright of its own, and a process can run
    only one sync Playwright at a time (a test that asks for `browser` before `server` met that)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw, launch_chromium(pw) as chromium:
        yield chromium


@functools.cache
def axe_source() -> str:
    return (npm.package("axe-core") / "axe.min.js").read_text(encoding="utf-8")


# Two frames: the page's ResizeObservers have run after the last layout (a11y.js makes a wide
# side-by-side table a tab stop there; on two busy cores axe once ran before it had).
SETTLED_JS = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


def run_axe(tab, only: list[str] | None = None) -> list[str]:
    """axe-core's violations on the page once it has settled (of the rules `only`, or all), one line per element."""
    tab.evaluate(SETTLED_JS)
    tab.add_script_tag(content=axe_source())
    return tab.evaluate(AXE_JS, only)


@pytest.fixture(scope="session")
def no_js_context(browser, server):
    with guarded_context(browser, server, java_script_enabled=False) as context:
        yield context


@contextmanager
def recording(tab, visit: Visit, wait_until: str):
    """Load the visit's page in the tab (until `wait_until`), recording its status, requests,
    failures and console errors into `visit`; at the end (or a failure), stop recording and leave the page
    (what it still loads is cut off unrecorded, as closing the tab did), so that the tab can go
    on to the next visit: a new tab would be a new renderer process, about a CPU-second each."""
    handlers = {
        "request": lambda r: visit.requests.append(r.url),
        "requestfailed": lambda r: visit.failed.append(f"{r.url}: {r.failure}"),
        "response": lambda r: r.status >= 400 and visit.failed.append(f"{r.url}: HTTP {r.status}"),
        "console": lambda m: m.type == "error" and visit.console_errors.append(f"{m.text} ({m.location.get('url', '')})"),
        "pageerror": lambda e: visit.console_errors.append(f"uncaught: {e}"),
    }

    def stop():
        for event, handler in handlers.items():
            tab.remove_listener(event, handler)
        handlers.clear()

    for event, handler in handlers.items():
        tab.on(event, handler)
    try:
        response = tab.goto(visit.url, wait_until=wait_until)
        visit.status = response.status if response else None
        yield stop  # (to stop recording before the visit leaves the page itself)
    finally:  # (after a failure too: the tab may be the session's)
        stop()
        tab.goto("about:blank")


def visit_in_the_light(tab, server: SiteServer, page: SitePage) -> Visit:
    """The page loaded with JavaScript until the network is idle (the search worker and its
    scripts included), measured, photographed, checked by axe-core (light scheme, as the
    system asks); then each Python block is scrolled into view and its copy button clicked
    (exercise solutions opened first: a closed <details> hides its blocks; with `content.lazy`
    Material adds a block's button when the block first shows), and last the language menu's
    link to the other language (Material's script intercepts that click)."""
    result = Visit(page, server.url(page.path))
    with recording(tab, result, "networkidle") as stop:
        result.html_lang = tab.evaluate("document.documentElement.lang")
        result.math = tab.evaluate(MATH_JS)
        result.visible_text = tab.evaluate(VISIBLE_TEXT_JS)
        result.devanagari = tab.evaluate(DEVANAGARI_JS)
        link = tab.locator(f"a.md-select__link[hreflang={twin_language(page.lang)}]")
        result.switcher_href = link.first.evaluate("a => a.href") if link.count() else None
        # the first screen (a whole long page took seconds)
        tab.screenshot(path=SCREENSHOTS / f"{page.name.replace('/', '-')}.png")
        result.scheme = tab.evaluate(SCHEME_JS)
        result.axe = run_axe(tab)
        tab.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")  # solutions
        result.copied = tab.evaluate(COPY_JS)
        if result.switcher_href:
            stop()  # leaving the page cuts off what it still loads (its favicon...); the twin is a visit of its own
            tab.hover(".md-header__option .md-select")
            with tab.expect_navigation(wait_until="load"):
                link.first.click()
            result.switcher_led_to = tab.url
            result.switcher_lang = tab.evaluate("document.documentElement.lang")
    return result


def visit_in_the_dark(tab, server: SiteServer, path: str) -> Visit:
    """The page (a path in the site) with the system in dark mode: colour scheme, axe-core's
    violations of the rules colours can change, backdrops of SVG figures; photographed."""
    result = Visit(None, server.url(path))
    with recording(tab, result, "networkidle"):
        result.scheme = tab.evaluate(SCHEME_JS)
        result.svg_backdrops = tab.evaluate(SVG_BACKDROPS_JS)
        tab.screenshot(path=SCREENSHOTS / f"dark-{path.replace('/', '-').removesuffix('-') or 'home'}.png")
        result.axe = run_axe(tab, COLOUR_RULES)
    return result


def in_a_browser(visit_one, items, **context_options) -> dict:
    """visit_one(tab, server, item) for each item, in one tab of a Chromium of this thread's own,
    on the shared site and server."""
    from playwright.sync_api import sync_playwright

    server = shared_server()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw, launch_chromium(pw) as browser:
        tab = guarded_context(browser, server, **context_options).new_page()
        return {item: visit_one(tab, server, item) for item in items}


# The visits, made in the background from the start of the session (a test module's EARLY,
# tests/conftest.py), each in a Chromium of its own, beside the tests that need no visit; one
# visit per page per session.
def light_visits(folder) -> dict[SitePage, Visit]:
    return in_a_browser(visit_in_the_light, PAGES, color_scheme="light",
                        permissions=["clipboard-read", "clipboard-write"])


def dark_visits(folder) -> dict[str, Visit]:
    return in_a_browser(visit_in_the_dark, ALL_PATHS, color_scheme="dark")


@pytest.fixture(scope="session")
def visit(early):
    """visit(page) -> its Visit in the light scheme (light_visits)."""
    return lambda page: early(light_visits)[page]


@pytest.fixture(scope="session")
def dark_visit(early):
    """dark_visit(path) -> its Visit with the system in dark mode (dark_visits)."""
    return lambda path: early(dark_visits)[path]


@pytest.fixture(scope="session")
def visit_without_js(no_js_context, server):
    """visit_without_js(page) -> Visit with formula counts and visible text, JavaScript off."""
    tab = no_js_context.new_page()

    def go(page: SitePage) -> Visit:
        result = Visit(page, server.url(page.path))
        with recording(tab, result, "load"):
            result.math = tab.evaluate(MATH_JS)  # Playwright evaluates even when the page's JS is off
            result.visible_text = tab.evaluate(VISIBLE_TEXT_JS)
        return result

    return go
