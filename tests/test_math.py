"""The math on every page is valid TeX for Temml (tools/mathml.py, which renders it), and every number in a formula is one the code computes.

A number in a formula (other than an integer from 0 to 10, a subscript or an exponent) must equal, to the digits the
formula shows, a number printed by one of the page's snippets or written in their code.
The printed outputs are themselves checked against the code by the doc tests (`pytest docs`), so a
number in a formula is checked back to what PyTorch computes.
"""
import hashlib
import re
from pathlib import Path

import pytest

from tools import mathml
from tools.mathml import TeXError, render_all
from tools.page import ROOT, pages, parse_page, read, rel
from helpers import printed_in_a_process

NUMBER = re.compile(r"(?<![\w.])\d+(?:\{,\}\d{3})*(?:\.\d+)?")
INDEX = re.compile(r"[_^](?:\{[^{}]*\}|\w)")  # subscripts and exponents are labels, not values
PRINTED_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?(?:e[-+]?\d+)?")


def reference_numbers(page):
    values = []
    for block in parse_page(page):
        for token in PRINTED_NUMBER.findall(block.code + "\n" + block.expected):
            try:
                values.append(float(token.replace(",", "")))
            except ValueError:
                pass
    return values


def shown_matches(shown: str, values) -> bool:
    plain = shown.replace("{,}", "")
    decimals = len(plain.split(".")[1]) if "." in plain else 0
    target = float(plain)
    return any(round(abs(v), decimals) == target for v in values)


PAGES = pages(ROOT / "docs")
IDS = [rel(p).removeprefix("docs/") for p in PAGES]


def tex_errors(folder):
    """Each page's formulas that Temml cannot render, found in the background (Node starts)."""
    found = {page: read(page).formulas for page in PAGES}
    out = iter(render_all([(f.tex, f.display) for page in PAGES for f in found[page]]))
    return {page: [f"{rel(page)} line {f.line}: {answer}\n    {f.tex}" for f in found[page]
                   if isinstance(answer := next(out), TeXError)] for page in PAGES}


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_formulas_are_valid_tex(page, early):
    errors = early(tex_errors)[page]
    assert not errors, "Temml cannot render:\n" + "\n".join(errors)


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_numbers_in_formulas_come_from_the_code(page):
    values = reference_numbers(page)
    unknown = []
    for f in read(page).formulas:
        for shown in NUMBER.findall(INDEX.sub(" ", f.tex)):
            if "." not in shown and "{,}" not in shown and int(shown) <= 10:
                continue
            if not shown_matches(shown, values):
                unknown.append(f"{rel(page)} line {f.line}: {shown} in  {f.tex}")
    assert not unknown, ("numbers in formulas that no snippet on the page prints or uses "
                         "(print them from a snippet, to the digits shown):\n" + "\n".join(unknown))


def test_a_tex_error_fails_the_build_naming_the_page():
    """tools/mathml.py raises mkdocs' PluginError (which stops `mkdocs build`) with the page and
    the formula; good formulas on the same page render to one <math> element each."""
    from mkdocs.exceptions import PluginError

    from tools.mathml import render_page_math

    good = '<p><span class="arithmatex">\\(a^2\\)</span> <span class="arithmatex">\\(b\\)</span></p>'
    assert render_page_math(good, "en/x.md").count("<math") == 2
    with pytest.raises(PluginError, match=r"TeX error in hi/broken\.md.*\n  formula: \\frac\{1\}\{"):
        render_page_math(good + '<div class="arithmatex">\\[\\frac{1}{\\]</div>', "hi/broken.md")


def cut_font(folder):
    """The math font cut to "x=1+σ", not from the build's cache, in the background (fontTools
    reads the whole font for it): the cut's SHA-256, kept while the font, tools/mathml.py and
    fontTools stay the same."""
    return printed_in_a_process("-c", "import hashlib, pathlib, tempfile\nfrom tools import mathml\n"
                                "with tempfile.TemporaryDirectory() as cache:\n    mathml.CACHE = pathlib.Path(cache)\n"
                                "    print(hashlib.sha256(mathml.math_font(set('x=1+σ')).read_bytes()).hexdigest())",
                                reads=(mathml.FONT, Path(mathml.__file__)), packages=("fonttools", "brotli")).strip()


EARLY = [tex_errors, cut_font]


def test_the_math_font_is_latin_modern_math_1959_in_the_repository(early):
    """The build cuts the site's math font from fonts/latin-modern-math/ (no OS package): the
    very file TeX distributions and Debian's fonts-lmodern ship, with its licence; the same
    characters always give the same woff2 bytes."""
    assert hashlib.sha256(mathml.FONT.read_bytes()).hexdigest() == \
        "6075562b771f8b82f0c179e363389684f2dd09de30038269e2628e504bd7be0f", f"{rel(mathml.FONT)} is not Latin Modern Math 1.959"
    assert "GUST Font License" in mathml.FONT_LICENSE.read_text(encoding="utf-8")
    assert early(cut_font) == "ca8f42e0ff241e3b99b48b39af8425c741002b0b04c9dae21338899fa0b581d6"
