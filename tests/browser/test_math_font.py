"""The site's cut-down math font draws every formula exactly as the whole Latin Modern Math does.

Chromium takes more from the math font than the characters in the MathML's text: the radical of
<msqrt>, size variants and parts of stretchy delimiters, the MATH table's constants and italic
corrections. Every distinct formula of the pages is drawn twice, in the site's stylesheets and
under the same font request: once answered by the site's woff2 (tools/mathml.py), once by the
whole fonts/latin-modern-math/ file. Any formula whose pixels differ fails, named by page and TeX.
"""
import html
import io
from pathlib import Path

import pytest

from tools import mathml
from tools.page import ROOT, pages, read, rel

pytestmark = pytest.mark.browser

CHUNK = 100  # formulas per test page (a full-page screenshot stays well under Chromium's limits)
FONT_URL = "**/assets/math/" + mathml.FONT_NAME
MEASURE_JS = """() => [...document.querySelectorAll('.cell')].map(c => {
  const b = c.getBoundingClientRect();
  return [b.x, b.y + scrollY, b.width, b.height];
})"""


def site_formulas() -> dict[tuple[str, bool], str]:
    """Each distinct (tex, display) of the pages, with the first page and line that has it."""
    found = {}
    for page in pages(ROOT / "docs"):
        for f in read(page).formulas:
            found.setdefault((f.tex, f.display), f"{rel(page)} line {f.line}")
    return found


def formula_page(site: Path, chunk: list[tuple[str, bool]]) -> str:
    """An article of the site's markup holding each formula in a box of its own (as tall as the
    formula: the two drawings are compared box by box, each measured in its own), with the
    stylesheets a page with math links."""
    css = [*sorted(p.relative_to(site).as_posix() for p in (site / "assets/stylesheets").glob("main.*.min.css")),
           *mathml.STYLESHEETS]
    cells = []
    for (tex, display), out in zip(chunk, mathml.render_all(chunk)):
        math = f'<div class="arithmatex">{out}</div>' if display else f'<p><span class="arithmatex">{out}</span></p>'
        cells.append(f'<div class="cell" style="display:flow-root">{math}</div>')
    links = "".join(f'<link rel="stylesheet" href="/{c}">' for c in css)
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8">{links}</head>'
            f'<body><article class="md-typeset">{"".join(cells)}</article></body></html>')


def photograph(browser, server, page_html: str, font: bytes | None) -> tuple[bytes, list]:
    """A full-page screenshot and each cell's box, the math font request answered by `font`
    (None: by the site's own file)."""
    with browser.new_page(viewport={"width": 1200, "height": 800}) as tab:
        tab.route("**/formula-test.html", lambda route: route.fulfill(body=page_html, content_type="text/html"))
        if font is not None:
            tab.route(FONT_URL, lambda route: route.fulfill(body=font, content_type="font/otf"))
        tab.goto(server.url("formula-test.html"), wait_until="load")
        assert tab.evaluate("document.fonts.load('16px \"Latin Modern Math\"').then(f => f.length)"), \
            "Latin Modern Math did not load"
        tab.evaluate("document.fonts.ready.then(() => true)")
        boxes = tab.evaluate(MEASURE_JS)
        return tab.screenshot(full_page=True), boxes


def differing(site_shot: bytes, whole_shot: bytes, site_boxes: list, whole_boxes: list) -> list[int]:
    """The formulas whose boxes differ in size or pixels."""
    from PIL import Image, ImageChops

    a, b = Image.open(io.BytesIO(site_shot)).convert("RGB"), Image.open(io.BytesIO(whole_shot)).convert("RGB")
    bad = []
    for i, (box_a, box_b) in enumerate(zip(site_boxes, whole_boxes)):
        crops = [image.crop((round(x), round(y), round(x + w), round(y + h))) for image, (x, y, w, h) in [(a, box_a), (b, box_b)]]
        if crops[0].size != crops[1].size or ImageChops.difference(*crops).getbbox() is not None:
            bad.append(i)
    return bad


def formulas_drawn_differently(browser, server, site: Path, whole: bytes, cut: bytes | None = None,
                                only: str = "") -> list[str]:
    """'page line N: tex' for each formula (with `only` in its TeX) that the site's font (or
    `cut`) draws differently from `whole`."""
    found = site_formulas()
    keys = sorted(k for k in found if only in k[0])
    differ = []
    for start in range(0, len(keys), CHUNK):
        chunk = keys[start:start + CHUNK]
        page_html = formula_page(site, chunk)
        site_shot, site_boxes = photograph(browser, server, page_html, cut)
        whole_shot, whole_boxes = photograph(browser, server, page_html, whole)
        differ += [f"{found[chunk[i]]}: {html.escape(chunk[i][0])}"
                   for i in differing(site_shot, whole_shot, site_boxes, whole_boxes)]
    return differ


def test_every_formula_is_drawn_as_the_whole_font_draws_it(browser, server, site):
    differ = formulas_drawn_differently(browser, server, site, mathml.FONT.read_bytes())
    assert not differ, ("formulas that the site's math font draws differently from the whole Latin "
                        "Modern Math (tools/mathml.py cuts something the browser uses):\n" + "\n".join(differ))


def test_a_cut_without_the_radical_fails(browser, server, site):
    """The check above, shown a cut of the site's characters less the radical sign."""
    keys = sorted(site_formulas())
    characters = set().union(*(mathml.drawn_characters(out) for out in mathml.render_all(keys)))
    planted = mathml.math_font(characters - {"√"}).read_bytes()
    differ = formulas_drawn_differently(browser, server, site, mathml.FONT.read_bytes(), planted, only="\\sqrt")
    assert differ and all("\\sqrt" in line for line in differ), differ
    assert any(line.startswith("docs/en/components.md") for line in differ), differ
