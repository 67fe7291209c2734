"""The handbook as one PDF per language, printed by Chromium from the built site's pages.

    python -m tools.pdf                  # mkdocs build --strict into site/, then print both PDFs
    python -m tools.pdf --no-build       # print from the site already built in site/
    python -m tools.pdf --site DIR --html DIR2   # another site folder; keep the print pages

Each language's book is one print page assembled from the built chapter pages, in nav order
(notebook pages left out: they repeat the chapters; the glossary last): the home page first,
then a contents list, then each page's article. Ids get the page's name in front, and links
between pages of the book become links to those ids, so they work inside the PDF; a link to
a page outside the book (a notebook page, a download) points at the published site. The
page keeps the site's stylesheets (Material, the math stylesheets, extra_css) and adds tools/pdf.css.

The site is served from 127.0.0.1 and opened in Debian's Chromium, which prints the page with
print-to-PDF (Playwright), so Devanagari is shaped and the math looks as on the site. A request
for any other host is aborted and fails the command, as does any failed request.

The PDFs are written into the site's root, site/llm-basics-en.pdf and site/llm-basics-hi.pdf:
the footer of every page (overrides/partials/copyright.html) and the home pages link to them.
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from html import escape
from pathlib import Path

from tools.glossary import PAGE as GLOSSARY
from tools.served_site import (ROOT, SiteServer, build_site, guarded_context, launch_chromium, off_site,
                               page_path, site_prefix)
from tools.side_by_side import resolve
from tools.site_config import languages, mkdocs_config, pages
from tools.strings import strings

STYLESHEET = Path(__file__).with_name("pdf.css")
# The PDF's own link on the home page (class pdf-download) and the link to a chapter's
# side-by-side page (both-link, tools/side_by_side.py): pointless inside the PDF.
DROP = "a.headerlink, .md-content__button, script, .pdf-download, .both-link"


def pdf_name(lang: str) -> str:
    return f"llm-basics-{lang}.pdf"


def pdf_path(site: Path, lang: str) -> Path:
    """Where a language's PDF lives in the site: at its root (the footer of every page links to it)."""
    return site / pdf_name(lang)


def book_sources(nav=None) -> list[str]:
    """The Markdown pages of the book (paths under docs/<lang>/) in nav order, glossary last;
    notebooks are left out."""
    found = pages(nav)
    return [p for p in found if p != GLOSSARY] + [p for p in found if p == GLOSSARY]


@dataclass
class Chapter:
    path: str     # in the site, e.g. 'hi/tensors/'
    slug: str     # its id in the book, e.g. 'tensors'
    title: str
    sections: list[tuple[str, str]]  # (id, text) of its h2 headings
    html: str


def slug_of(source: str) -> str:
    return source.removesuffix(".md").removesuffix("index").strip("/").replace("/", "-") or "home"


def read_page(site: Path, path: str) -> BeautifulSoup:
    from bs4 import BeautifulSoup  # here, not at the top: the tests that only ask for book_sources need no bs4

    file = site / path / "index.html"
    if not file.is_file():
        raise FileNotFoundError(f"{file}: page missing from the built site (build it first)")
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


class Book:
    """One language's print page, made from the built site."""

    def __init__(self, site: Path, lang: str):
        self.site, self.lang = site, lang
        self.prefix = site_prefix()
        # Links out of the book (a notebook page, a download) lead to the published site; a
        # build without site_url (a local one) has none, so they lead to where it was served.
        site_url = mkdocs_config()["site_url"]
        self.site_url = site_url.rstrip("/") + "/" if site_url else self.prefix
        self.slugs = {page_path(lang, Path(s)): slug_of(s) for s in book_sources()}
        self.stylesheets: list[str] = []
        self.chapters = [self.chapter(path, slug) for path, slug in self.slugs.items()]
        self.path = page_path(lang, Path("print.md"))  # the print page's address (never written)

    def chapter(self, path: str, slug: str) -> Chapter:
        soup = read_page(self.site, path)
        for link in soup.select('head link[rel="stylesheet"]'):
            href = self.local(path, link["href"])
            if href not in self.stylesheets and not href.endswith("notebook.css"):
                self.stylesheets.append(href)
        article = soup.select_one("article.md-content__inner")
        if article is None:
            raise ValueError(f"{path}: no <article class=md-content__inner> in the built page")
        for el in article.select(DROP):
            el.decompose()
        for el in article.select("[id]"):
            el["id"] = f"{slug}--{el['id']}"
        for el in article.select("details"):
            el["open"] = ""  # solutions and other collapsed blocks are printed open
        for el in article.select('img[src$=".svg"]'):
            self.inline_svg(path, el)
        for el in article.select("[src]"):
            el["src"] = self.local(path, el["src"])
        for el in article.select("object[data]"):
            el["data"] = self.local(path, el["data"])
        for el in article.select("a[href]"):
            el["href"] = self.link(path, el["href"])
        h1 = article.find("h1")
        if h1 is None:
            raise ValueError(f"{path}: the page has no h1 title")
        sections = [(h["id"], h.get_text(" ", strip=True)) for h in article.find_all("h2") if h.get("id")]
        return Chapter(path, slug, h1.get_text(" ", strip=True), sections, article.decode_contents())

    def inline_svg(self, page: str, img) -> None:
        """A figure drawn into the PDF as inline SVG, not as an image: Chromium then maps its
        Devanagari conjuncts back to text (as an <img>, «ट्रेनिंग» came out as «े नग»)."""
        target = resolve(page, img["src"], self.prefix)
        file = self.site / target.partition("?")[0] if target else None
        if file is None or not file.is_file():
            raise FileNotFoundError(f"{page}: figure {img['src']} not in the built site")
        from bs4 import BeautifulSoup

        text = file.read_text(encoding="utf-8")
        svg = BeautifulSoup(text[text.index("<svg"):], "html.parser").find("svg")
        svg["role"], svg["aria-label"] = "img", img.get("alt", "")
        svg["class"] = ["pdf-figure"]
        img.replace_with(svg)

    def contents_ids(self) -> list[str]:
        return [i for c in self.chapters[1:] for i in [c.slug, *(s for s, _ in c.sections)]]

    def local(self, page: str, ref: str) -> str:
        """An image or object address, absolute on the local server (same path as on the site)."""
        target = resolve(page, ref, self.prefix)
        return ref if target is None else self.prefix + target

    def link(self, page: str, ref: str) -> str:
        """A link: to an id in the book when it leads to a page of the book, else to the
        published site (a notebook page, a download), else unchanged (another host)."""
        target = resolve(page, ref, self.prefix)
        if target is None:
            return ref
        where, _, fragment = target.partition("#")
        where = where.partition("?")[0]  # (the site is static files)
        if where in self.slugs:
            slug = self.slugs[where]
            return f"#{slug}--{fragment}" if fragment else f"#{slug}"
        return self.site_url + target

    def html(self, pages: dict[str, int] | None = None) -> str:
        """The print page; `pages` ({id: page number}, from a first printing) numbers the contents."""
        pages = pages or {}

        def entry(target: str, text: str) -> str:
            return (f'<a href="#{target}">{escape(text, quote=False)}</a>'
                    f'<span class="pdf-page">{pages.get(target, "")}</span>')

        first = read_page(self.site, self.chapters[0].path)
        body = {k: v for k, v in first.body.attrs.items() if k.startswith("data-md-color") or k == "dir"}
        body["data-md-color-scheme"] = "default"  # printed in the light scheme
        body_attrs = " ".join(f'{k}="{v}"' for k, v in body.items())
        links = "\n".join(f'<link rel="stylesheet" href="{h}">' for h in self.stylesheets)
        contents = "\n".join(
            f"<li>{entry(c.slug, c.title)}"
            + ("<ol>" + "".join(f"<li>{entry(i, t)}</li>" for i, t in c.sections) + "</ol>" if c.sections else "")
            + "</li>"
            for c in self.chapters[1:])
        chapters = "\n".join(f'<section class="pdf-chapter" id="{c.slug}">\n{c.html}\n</section>'
                             for c in self.chapters[1:])
        title = first.title.get_text(strip=True) if first.title else self.chapters[0].title
        html = f"""<!doctype html>
<html lang="{self.lang}">
<head>
<meta charset="utf-8">
<title>{escape(title, quote=False)}</title>
{links}
<style>
{STYLESHEET.read_text(encoding="utf-8")}
</style>
</head>
<body {body_attrs}>
<div class="md-container"><main class="md-main"><div class="md-main__inner md-grid"><div class="md-content">
<article class="md-content__inner md-typeset">
<section class="pdf-chapter pdf-home" id="{self.chapters[0].slug}">
{self.chapters[0].html}
</section>
<nav class="pdf-contents">
<h2>{strings(self.lang)["pdf"]["contents"]}</h2>
<ol>
{contents}
</ol>
</nav>
{chapters}
</article>
</div></div></main></div>
</body>
</html>
"""
        check_links(html, self.lang)
        return html


def check_links(html: str, lang: str) -> None:
    """Every link to an id in the book has its target (else it would be dead in the PDF)."""
    ids = set(re.findall(r'\sid="([^"]+)"', html))
    dead = sorted({h for h in re.findall(r'\shref="#([^"]*)"', html) if h not in ids})
    if dead:
        raise ValueError(f"{lang} book: links to ids that no page of the book has: {dead}")


FOOTER = ('<div style="font-size:8px;width:100%;text-align:center;color:#555;">'
          '<span class="pageNumber"></span> / <span class="totalPages"></span></div>')
# Chromium stamps each PDF with the time it printed it, and names the table-header elements
# of its structure tree after DOM node numbers that vary by one or two from run to run. Fixed
# dates and renumbered names (in the same order, the same length, so the name tree stays
# sorted and the cross-reference offsets stay right) make each run write the same bytes.
DATE = re.compile(rb"(/(?:CreationDate|ModDate) \(D:)\d{14}")
NODE = re.compile(rb"\(node(\d{8})\)")


def reproducible(data: bytes) -> bytes:
    data = DATE.sub(lambda m: m[1] + b"20000101000000", data)
    numbers = {n: b"%08d" % i for i, n in enumerate(sorted(set(NODE.findall(data))), 1)}
    return NODE.sub(lambda m: b"(node" + numbers[m[1]] + b")", data)


def print_books(site: Path, langs=None, html_dir: Path | None = None) -> list[Path]:
    """Print each language's book into the site; returns the PDFs' paths. Raises if a
    request left the local server or failed.

    Printed twice: the first printing says on which page each chapter and section starts
    (pdfinfo -dests), the second prints those numbers in the contents list, on the same
    lines, so no page moves (checked)."""
    from playwright.sync_api import sync_playwright

    written = []
    with SiteServer(site) as server, sync_playwright() as pw:
        browser = launch_chromium(pw)
        try:
            for lang in langs or languages():
                book, out = Book(site, lang), pdf_path(site, lang)
                out.write_bytes(print_pdf(browser, server, book.path, book.html(), out))
                pages = destinations(out)
                html = book.html(pages)
                if html_dir:
                    html_dir.mkdir(parents=True, exist_ok=True)
                    (html_dir / f"print-{lang}.html").write_text(html, encoding="utf-8")
                out.write_bytes(print_pdf(browser, server, book.path, html, out))
                final = destinations(out)
                moved = {i: (pages.get(i), final.get(i)) for i in book.contents_ids() if pages.get(i) != final.get(i)}
                if moved:
                    raise RuntimeError(f"{out.name}: numbering the contents moved these (before, after): {moved}")
                written.append(out)
        finally:
            browser.close()
    return written


def destinations(pdf: Path) -> dict[str, int]:
    """{named destination (an id of the print page): its page number}, read by pdfinfo."""
    pdfinfo = shutil.which("pdfinfo")
    if not pdfinfo:
        raise RuntimeError("pdfinfo not found: install poppler-utils (Debian: apt-get install poppler-utils)")
    listing = subprocess.run([pdfinfo, "-dests", str(pdf)], capture_output=True, text=True, check=True).stdout
    return {name: int(page) for page, name in re.findall(r'^\s*(\d+) \[.*\] "(.*)"$', listing, re.M)}


def print_pdf(browser, server: SiteServer, path: str, html: str, out: Path) -> bytes:
    """The print page `html`, served at `path` from memory, printed by Chromium; `out` names it in errors."""
    requests, failed = [], []
    context = guarded_context(browser, server, color_scheme="light", java_script_enabled=False)
    page = context.new_page()
    url = server.url(path)
    # The print page exists only in memory: served at its address, so relative assets resolve.
    page.route(url, lambda route: route.fulfill(body=html, content_type="text/html; charset=utf-8"))
    page.on("request", lambda r: requests.append(r.url))
    page.on("requestfailed", lambda r: failed.append(f"{r.url}: {r.failure}"))
    page.on("response", lambda r: r.status >= 400 and failed.append(f"{r.url}: HTTP {r.status}"))
    page.goto(url, wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    data = page.pdf(format="A4", print_background=True, outline=True, tagged=True,
                    margin={"top": "16mm", "bottom": "18mm", "left": "14mm", "right": "14mm"},
                    display_header_footer=True, header_template="<span></span>", footer_template=FOOTER)
    context.close()
    foreign = sorted({url for url in requests if off_site(url, server)})
    if foreign:
        raise RuntimeError(f"printing {out.name} asked other hosts (aborted) for:\n" + "\n".join(foreign))
    failed = [f for f in failed if not f.startswith("http") or "blockedbyclient" not in f]
    if failed:
        raise RuntimeError(f"printing {out.name}: failed requests:\n" + "\n".join(failed))
    return reproducible(data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (default: site/)")
    parser.add_argument("--no-build", action="store_true", help="print from the site as it is, without building it")
    parser.add_argument("--html", type=Path, help="also write each print page here, to look at")
    args = parser.parse_args(argv)
    if not args.no_build:
        build_site(args.site)
    for pdf in print_books(args.site, html_dir=args.html):
        print(f"{pdf}: {pdf.stat().st_size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
