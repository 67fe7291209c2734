"""Checked by tools nobody here wrote: the Nu HTML Checker (vnu), LinkChecker and axe-core.

- vnu (npm `vnu-jar`, run with Java) validates every HTML file of the built site; its warnings
  fail too, among them text, attribute values, scripts and styles not in Unicode NFC
  (Material's Hindi strings were not: see overrides/partials/languages/hi.html). vnu does not
  read HTML comments, and neither does this check: readers never see them.
- LinkChecker crawls the served site from both home pages and both 404 pages: every
  internal page, asset, and url() inside the shipped CSS must answer. Its AnchorCheck parsed a
  page again for every #anchor linked to it (about 1,500 parses, five minutes of the suite), so
  `broken_anchors` checks the #anchors instead: each built page read once, its ids against every
  link into it.
- axe-core runs in Chromium on every page of both languages (and both 404 pages, and each
  chapter's side-by-side pages), in the light scheme and with the system in dark mode.

Zero errors, zero violations. Each checker is also run on a planted fault, to show that it
would catch one. (npm packages: tools/npm.py; Java: Debian's default-jre-headless.)
"""
from __future__ import annotations

import csv
import html
import json
import re
import shutil
import subprocess
import sys
import urllib.parse
from pathlib import Path

import pytest

from conftest import (ALL_PATHS, BOTH_PAGES, NOT_FOUND_PAGES, PAGES, SITE_URL, dark_visits, in_a_browser,
                      light_visits, printed_site, run_axe, shared_server)
from tools import npm
from tools.served_site import SiteServer, site_prefix

pytestmark = pytest.mark.browser


# ---------------------------------------------------------------- Nu HTML Checker

def vnu(*paths: Path) -> list[str]:
    """vnu's errors and warnings for the HTML files under paths, one line each."""
    java = shutil.which("java")
    assert java, ("The HTML check needs Java: on Debian `sudo apt-get install default-jre-headless`; "
                  "elsewhere any Java 11 or newer on PATH.")
    jar = npm.package("vnu-jar") / "build" / "dist" / "vnu.jar"
    run = subprocess.run([java, "-jar", str(jar), "--format", "json", "--skip-non-html", *map(str, paths)],
                         capture_output=True, text=True)
    messages = json.loads(run.stderr)["messages"]  # vnu writes its report to stderr
    problems = [m for m in messages if m["type"] != "info" or m.get("subType") == "warning"]
    return [f"{m.get('url', '').removeprefix('file:')}:{m.get('lastLine', '?')}: {m['type']}: {m['message']}"
            for m in problems]


# Display math as notebook pages wrote it (a <div> inside a <p>); ढ़ as one code point, not NFC.
PLANTED_HTML = '<!doctype html><html lang="en"><title>t</title><p><div class="arithmatex">x</div></p><p>\u095d</p>'


def vnu_run(folder) -> tuple[Path, list[str]]:
    """vnu on the built site and, in the same run (Java starting is much of it), on a planted
    page (PLANTED_HTML), in the background."""
    (folder / "planted.html").write_text(PLANTED_HTML, encoding="utf-8")
    return folder, vnu(shared_server().site, folder)


def test_every_built_page_is_valid_html(early):
    planted, found = early(vnu_run)
    problems = [line for line in found if not line.startswith(str(planted))]
    if problems:
        pytest.fail(f"Nu HTML Checker: {len(problems)} errors and warnings:\n" + "\n".join(problems), pytrace=False)


def test_vnu_reports_a_planted_error(early):
    planted, found = early(vnu_run)
    planted_lines = [line for line in found if line.startswith(str(planted / "planted.html"))]
    for fault in ("No “p” element in scope", "not in Unicode Normalization Form C"):
        assert any(fault in line for line in planted_lines), found


# ---------------------------------------------------------------- LinkChecker

LINKCHECKER_CONFIG = """\
[checking]
threads=4
# LinkChecker paces itself to about 3 requests a second per host unless the host answers
# with a "LinkChecker" header; the local server below does (with: 10 s, not 100 s).
maxrequestspersecond=1000
[filtering]
checkextern=0
"""
ID = re.compile(r'\s(?:id|name)="([^"]*)"')
HREF_WITH_ANCHOR = re.compile(r'\shref="([^"#]*)#([^"]*)"')


def broken_anchors(site: Path) -> list[str]:
    """Every link of every built page to an #anchor of a page of the site, whose target has no
    element with that id (or name); one line each."""
    pages = {"/" + p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}
    ids = {path: {html.unescape(i) for i in ID.findall(text)} for path, text in pages.items()}
    broken = []
    for path, text in sorted(pages.items()):
        for target, anchor in HREF_WITH_ANCHOR.findall(text):
            url = urllib.parse.urlsplit(urllib.parse.urljoin(path, html.unescape(target)))
            if url.scheme or url.netloc or not anchor:
                continue  # another site's (LinkChecker checks no external link either), or the page's top
            file = url.path + "index.html" if url.path.endswith("/") else url.path
            name = urllib.parse.unquote(html.unescape(anchor))
            if file in ids and name not in ids[file]:
                broken.append(f"{path}: #{name} not in {file}")
    return broken



def linkchecker(site: Path, starts: list[str], tmp_path: Path, prefix: str | None = None
                ) -> tuple[list[str], set[str]]:
    """Serve the site and crawl it from the start paths: (problems, every URL checked)."""
    config = tmp_path / "linkcheckerrc"
    config.write_text(LINKCHECKER_CONFIG, encoding="utf-8")
    with SiteServer(site, prefix=prefix, headers={"LinkChecker": "welcome"}) as server:
        run = subprocess.run([sys.executable, "-m", "linkcheck", "-f", str(config), "--no-status", "--no-robots",
                              "-v", "-o", "csv", *(server.url(s) for s in starts)],
                             capture_output=True, text=True, cwd=tmp_path)
    lines = [line for line in run.stdout.splitlines() if line and not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter=";"))
    assert rows, f"LinkChecker reported nothing:\n{run.stdout}\n{run.stderr}"
    problems = [f"{r['url']} (linked from {r['parentname']}): {r['result']} {r['warningstring']}".strip()
                for r in rows if r["valid"] != "True" or r["warningstring"]]
    return problems, {r["url"].split("/", 3)[-1] for r in rows}  # without http://host:port/


def linkchecker_run(folder) -> tuple[Path, list[str], set[str]]:
    """LinkChecker over the printed site from both home pages and both 404 pages, in the background."""
    site = printed_site()
    return (site, *linkchecker(site, ["", "hi/", *NOT_FOUND_PAGES], folder))


def test_every_link_anchor_asset_and_css_url_works(early):
    site, problems, checked = early(linkchecker_run)
    if problems:
        pytest.fail(f"LinkChecker: {len(problems)} broken links:\n" + "\n".join(problems), pytrace=False)
    broken = broken_anchors(site)
    assert not broken, f"{len(broken)} links to a missing #anchor:\n" + "\n".join(broken)
    prefix = site_prefix().lstrip("/")
    unreached = [p for p in ALL_PATHS if prefix + p not in checked]
    assert not unreached, f"LinkChecker never reached {unreached}"
    fonts = {u for u in checked if u.endswith("assets/math/latinmodernmath.woff2")}
    assert fonts, "LinkChecker checked no url() of the math stylesheet (Temml-Latin-Modern.css)"


def test_linkchecker_reports_planted_faults(tmp_path):
    """A missing page, a missing #anchor (broken_anchors) and a missing font named in a stylesheet."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        '<!doctype html><html lang="en"><head><title>t</title><link rel="stylesheet" href="style.css"></head>'
        '<body><a href="gone/">gone</a> <a href="page.html#nowhere">anchor</a></body></html>', encoding="utf-8")
    (site / "page.html").write_text('<!doctype html><html lang="en"><title>p</title><h1 id="here">p</h1>',
                                    encoding="utf-8")
    (site / "style.css").write_text("@font-face{font-family:x;src:url(fonts/missing.woff2) format('woff2')}",
                                    encoding="utf-8")
    problems, _ = linkchecker(site, [""], tmp_path, prefix="/")
    text = "\n".join(problems)
    for fault in ("gone/", "fonts/missing.woff2"):
        assert fault in text, f"{fault} not reported:\n{text}"
    assert broken_anchors(site) == ["/index.html: #nowhere not in /page.html"]


# ---------------------------------------------------------------- axe-core

@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_axe_finds_no_violation_in_the_light_scheme(page, visit):
    v = visit(page)
    assert v.scheme == "default", f"{v.url}: scheme {v.scheme!r}, not the light one"
    if v.axe:
        pytest.fail(f"{v.url}: axe-core, light scheme:\n" + "\n".join(v.axe), pytrace=False)


def axe_in_the_light(tab, server, path: str) -> list[str]:
    tab.goto(server.url(path), wait_until="networkidle")
    return run_axe(tab)


def light_axe(folder) -> dict[str, list[str]]:
    """axe-core's violations in the light scheme on the pages light_visits does not visit (the
    404 and side-by-side pages), in the background in a Chromium of its own."""
    return in_a_browser(axe_in_the_light, NOT_FOUND_PAGES + [p.path for p in BOTH_PAGES], color_scheme="light")


EARLY = [linkchecker_run, light_visits, dark_visits, light_axe, vnu_run]


@pytest.mark.parametrize("path", ALL_PATHS)
def test_axe_finds_no_violation_in_the_dark_scheme(path, dark_visit):
    """With the system in dark mode the site starts in Material's dark (slate) scheme; contrast
    holds there too (the rules colours can change), and figures keep a white backdrop."""
    v = dark_visit(path)
    assert v.scheme == "slate", f"{v.url}: scheme {v.scheme!r} with the system in dark mode"
    if v.axe:
        pytest.fail(f"{v.url}: axe-core, dark scheme:\n" + "\n".join(v.axe), pytrace=False)
    assert all(b == "rgb(255, 255, 255)" for b in v.svg_backdrops), f"{v.url}: SVG figure backdrops {v.svg_backdrops}"
    assert not v.failed, f"{v.url}: failed requests:\n" + "\n".join(v.failed)


@pytest.mark.parametrize("path", NOT_FOUND_PAGES + [p.path for p in BOTH_PAGES])
def test_axe_finds_no_violation_on_the_404_and_side_by_side_pages(path, early):
    """In the light scheme (the dark one: above, with every page)."""
    violations = early(light_axe)[path]
    if violations:
        pytest.fail(f"{path}: axe-core:\n" + "\n".join(violations), pytrace=False)


def test_axe_reports_planted_violations(browser):
    """An empty table header, two unnamed navigation landmarks, grey text on grey."""
    with browser.new_page() as tab:
        tab.set_content('<!doctype html><html lang="en"><title>t</title><main>'
                        '<table><tr><th></th><th>a</th></tr><tr><td>1</td><td>2</td></tr></table>'
                        '<nav><a href="#a">a</a></nav><nav><a href="#b">b</a></nav>'
                        '<p style="color:#777;background:#888">faint</p></main>')
        found = {line.split(" ", 1)[0] for line in run_axe(tab)}
    assert {"empty-table-header", "landmark-unique", "color-contrast"} <= found, found


# ---------------------------------------------------------------- what the checkers found

def built_html(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html"))}


def test_404_page_per_language_with_a_switcher_to_the_other(site):
    """English 404 at the root, Hindi at hi/404.html; each links to the other in its menu."""
    prefix = re.sub(r"^https?://[^/]+", "", SITE_URL or "/")
    for path, lang, other, heading in (("404.html", "en", "hi/404.html", "404 - Not found"),
                                       ("hi/404.html", "hi", "404.html", "404 - पृष्ठ नहीं मिला")):
        html = (site / path).read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in html and f"<h1>{heading}</h1>" in html, f"{path} is not in {lang}"
        switcher = dict(re.findall(r'<a href="([^"]*)" hreflang="([^"]*)" class="md-select__link"', html))
        assert {v: k for k, v in switcher.items()}.get("hi" if lang == "en" else "en") == prefix + other, (
            f"{path}: language menu {switcher}")


def test_language_links_relative_in_the_menu_absolute_in_the_head(site):
    """The menu works from disk or under any path; search engines get full hreflang addresses
    in a deployed build (SITE_URL set); a local build's are relative, naming no host."""
    for name, html in built_html(site).items():
        menu = re.findall(r'<a href="([^"]*)" hreflang="[^"]*" class="md-select__link"', html)
        head = re.findall(r'<link rel="alternate" href="([^"]*)" hreflang="[^"]*">', html)
        assert len(menu) == len(head) == 2, f"{name}: {menu}, {head}"
        if SITE_URL:
            assert all(h.startswith(SITE_URL) for h in head), f"{name}: hreflang links {head}"
        else:
            assert not any(re.match(r"[a-z]+:", h) for h in head), f"{name}: hreflang links {head}"
        if not name.endswith("404.html"):  # error pages are served at any depth: root-absolute
            assert not any(re.match(r"[a-z]+:|/", m) for m in menu), f"{name}: language menu {menu}"


def test_pages_link_to_the_site_relatively(site):
    """Notebook pages linked to the absolute site_url addresses of the .ipynb."""
    own = re.escape(SITE_URL) if SITE_URL else r"https?://(?:127\.0\.0\.1|localhost)[:/]"
    for name, html in built_html(site).items():
        absolute = re.findall(rf'<a [^>]*href="({own}[^"]*)"', html)
        assert not absolute, f"{name} links to the site by absolute addresses: {absolute}"
