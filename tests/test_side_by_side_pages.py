"""tools/side_by_side.py on small built pages: twins cut at the same places, shared blocks once,
the twin's ids apart, links rebased, a stale Hindi page said so, twins that differ refused."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tools.side_by_side import Chapter, SideBySideError, chapters, mode_page, modes_of, relative, resolve
from tools.page import ROOT

SITE_URL = "https://example.org/book/"
CHAPTER = Chapter(rel=Path("x.md"), paths={"en": "x/", "hi": "hi/x/"})
CODE = '<div class="language-python highlight"><pre><span></span><code>print(1)\n</code></pre></div>'
MATH = '<div class="arithmatex"><math display="block"><mn>1</mn></math></div>'
FIGURE = '<p><img alt="{alt}" src="../{up}assets/figures/f.{lang}.svg" /></p>'
NOTICE = '<div class="admonition warning translation-status"><p class="admonition-title">पुराना अनुवाद</p><p>…</p></div>'


def article(lang: str, up: str, h2: tuple[str, str], prose: str, stale: bool = False, drop: str = "") -> str:
    parts = [f'<h1 id="t">{lang} title</h1>', NOTICE if stale else "",
             f'<p class="both-link" data-search-exclude><a href="both/">both</a></p>',
             f'<p>{prose} intro, see <a href="../{up}y/">y</a> and <a href="#{h2[0]}">below</a></p>',
             f'<h2 id="{h2[0]}">{h2[1]}</h2>', f"<p>{prose} one</p>", CODE, f"<p>{prose} two</p>", MATH,
             FIGURE.format(alt=f"{lang} alt", up=up, lang=lang),
             '<h2 id="ex">Ex</h2>',
             f'<details class="success"><summary>{prose} solution</summary>{CODE}<p>{prose} because</p></details>',
             f'<div class="admonition note"><p class="admonition-title">{prose} note</p><p>{prose} note text</p></div>']
    body = "\n".join(p for p in parts if p and p != drop)
    return (f'<html lang="{lang}"><head><title>{lang} title - Site</title>'
            f'<link rel="canonical" href="{SITE_URL}{"hi/" if lang == "hi" else ""}x/">'
            f'<link rel="alternate" href="{SITE_URL}x/" hreflang="en">'
            f'<link rel="alternate" href="{SITE_URL}hi/x/" hreflang="hi">'
            f'<link rel="stylesheet" href="../{up}assets/main.css">'
            f'<script data-both-page="both/">remember()</script></head><body>'
            f'<ul><li class="md-select__item"><a href="../{up}x/" hreflang="en" class="md-select__link">English</a></li>'
            f'<li class="md-select__item" data-both-entry><a href="both/" class="md-select__link" data-both="on">both</a></li></ul>'
            f'<article class="md-content__inner md-typeset">{body}</article>'
            f'<script id="__config" type="application/json">{{"base": "../{up}{"hi/" if up else ""}", '
            f'"search": "../{up}assets/search.js"}}</script></body></html>')


def built(stale: bool = False, drop: str = "") -> dict[str, str]:
    return {"en": article("en", "", ("sec", "Section"), "English"),
            "hi": article("hi", "../", ("_1", "खंड"), "हिन्दी", stale, drop)}


def page(lang: str, pages: dict) -> str:
    return mode_page(CHAPTER, lang, pages, modes_of([CHAPTER]), SITE_URL)


def test_pairs_in_order_and_shared_blocks_once():
    html = page("hi", built())
    body = re.search(r"<article[^>]*>(.*)</article>", html, re.S)[1]
    assert body.count("print(1)") == 2  # the page's code block and its solution's, once each
    assert body.count("<math") == 1 and body.count("<img") == 1 and 'alt="hi alt"' in body
    pairs = re.findall(r'<div class="bilingual"><div class="bilingual__own" lang="hi">(.*?)</div>'
                       r'<div class="bilingual__twin" lang="en">(.*?)</div></div>', body, re.S)
    assert [("हिन्दी one" in own, "English one" in twin) for own, twin in pairs if "one" in own] == [(True, True)]
    own_order = [w for w in ("hi title", "हिन्दी intro", "खंड", "हिन्दी one", "हिन्दी two", "हिन्दी because",
                             "हिन्दी note text") if w in body]
    assert own_order == sorted(own_order, key=body.index) and len(own_order) == 7
    assert '<summary>हिन्दी solution <span class="bilingual__title" lang="en">English solution</span></summary>' in body
    assert "both-link" not in body


def test_the_twin_s_ids_are_apart_and_links_rebased():
    html = page("hi", built())
    assert 'id="en--sec"' in html and 'href="#en--sec"' in html and 'id="_1"' in html and 'href="#_1"' in html
    assert 'href="../../../assets/main.css"' in html and '"base": "../../"' in html
    assert 'href="../../../y/"' in html  # the English twin's link, from x/ to y/
    assert f'<link rel="canonical" href="{SITE_URL}hi/x/">' in html
    assert f'<link rel="alternate" href="{SITE_URL}x/both/" hreflang="en">' in html
    assert '<a href="../../../x/both/" hreflang="en" class="md-select__link">' in html  # the menu keeps the mode
    assert 'data-both="off">केवल हिन्दी</a>' in html and "data-both-page" not in html
    assert "<title>hi title (हिन्दी + English) - Site</title>" in html


def test_a_stale_hindi_page_says_so_in_both_pages():
    hi, en = page("hi", built(stale=True)), page("en", built(stale=True))
    own_hi = re.search(r'<div class="bilingual__own" lang="hi">(.*?)<div class="bilingual__twin"', hi, re.S)[1]
    assert "पुराना अनुवाद" in own_hi
    first_en = re.search(r'<div class="bilingual__own" lang="en">(.*?)<div class="bilingual__twin" lang="hi">(.*?)</div></div>',
                         en, re.S)
    assert "Older translation" in first_en[1] and "पुराना अनुवाद" in first_en[2]
    assert "Older translation" not in page("en", built())


@pytest.mark.parametrize("drop, says", [
    ('<h2 id="_1">खंड</h2>', "after heading «en title», docs/en/x.md has a h2 heading where docs/hi/x.md has code block"),
    (MATH, "after heading «Section», docs/en/x.md has display formula where docs/hi/x.md has figure"),
    ('<div class="admonition note"><p class="admonition-title">हिन्दी note</p><p>हिन्दी note text</p></div>',
     "docs/en/x.md goes on with admonition (note) where docs/hi/x.md ends"),
])
def test_twins_that_differ_are_refused_naming_both_pages(drop, says):
    with pytest.raises(SideBySideError) as err:
        page("en", built(drop=drop))
    assert "docs/en/x.md and docs/hi/x.md" in str(err.value) and says in str(err.value), str(err.value)


def test_links():
    assert resolve("hi/x/", "../../assets/a.css") == "assets/a.css"
    assert resolve("x/", "#a") == "x/#a" and resolve("x/", "https://h/") is None
    assert resolve("x/", "../../y/", "/handbook/") is None  # above the site's folder
    assert resolve("x/", "fig.svg?v=2#a") == "x/fig.svg?v=2#a" and resolve("x/", ".") == "x/"
    assert relative("", "x/both/") == "../../" and relative("x/both/", "x/both/") == "./"
    assert relative("hi/y/#z", "x/both/") == "../../hi/y/#z"


def test_every_chapter_in_both_languages():
    found = chapters(ROOT / "docs")
    names = {c.rel.as_posix() for c in found}
    assert {"autograd.md", "tensors.md"} <= names and not names & {"index.md", "glossary.md"}
    assert all(c.mode_path("hi") == "hi/" + c.mode_path("en") for c in found)
