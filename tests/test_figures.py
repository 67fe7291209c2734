"""The figures drawn by code (tools/figures.py) are up to date, well made, and shown on the pages.

Each drawer in tools.figures.DRAWERS (a module in snippets/<chapter>/) draws its figures
from the chapter's own computation. One copy of each file lives in docs/assets/figures/:
`name.en.svg` and `name.hi.svg` when it has words, `name.svg` when its text is only code
and math. A committed file that differs from what its drawer draws now fails, as does a
file no drawer makes. To redraw after a change: pytest --update-outputs
"""
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tools import figures as F
from tools import page as page_model
from tools.page import ROOT
from tools.site_config import chapters

from helpers import avoided_words, misspelt_terms, printed_in_a_process

SVG = "{http://www.w3.org/2000/svg}"
DEVANAGARI = re.compile(r"[\u0900-\u097f]")
LINK_PREFIX = "../assets/figures/"   # from docs/<lang>/<page>.md to docs/assets/figures/
LANG_SUFFIX = re.compile(r"\.(?P<lang>[a-z]{2})\.svg$")
PAGES = {lang: sorted((ROOT / "docs" / lang).glob("*.md")) for lang in F.LANGS}
CHAPTERS = chapters()  # mkdocs.yml's nav: its pages with Python blocks


@pytest.fixture(scope="module")
def drawn(memos):
    return F.drawn(memos["figures"])


def texts(svg: str) -> list[str]:
    return ["".join(t.itertext()) for t in ET.fromstring(svg).iter(f"{SVG}text")]


def figure_lang(name: str) -> str | None:
    m = LANG_SUFFIX.search(name)
    return m["lang"] if m else None


def shown(lang: str) -> dict[str, list[tuple[str, str]]]:
    """{page name: [(alt, link), ...]} for the images on the pages of one language."""
    return {p.name: [(f.alt, f.src) for f in page_model.read(p).figures] for p in PAGES[lang]}


# --- the files -------------------------------------------------------------------------------

def test_committed_figures_are_what_the_drawers_draw(drawn, request):
    if request.config.getoption("--update-outputs"):
        F.write(drawn)
        return
    problems = list(F.out_of_date(drawn, F.FIGURES_DIR).values())
    assert not problems, "\n".join(problems) + "\nTo redraw: python -m tools.refresh"


def test_a_stale_or_orphaned_file_fails_even_when_the_figures_come_from_the_memo(drawn, tmp_path):
    """`drawn` may come from .cache/snippet-runs/ (tools/snippet_memo.py): the files are still compared."""
    shutil.copytree(F.FIGURES_DIR, tmp_path, dirs_exist_ok=True)
    name = sorted(drawn)[0]
    (tmp_path / name).write_text(drawn[name][0].replace("<svg", "<svg data-planted=\"1\"", 1), encoding="utf-8")
    (tmp_path / "orphan.svg").write_text("<svg/>", encoding="utf-8")
    assert list(F.out_of_date(drawn, tmp_path).values()) == [
        f"{tmp_path / name} is stale: {drawn[name][1]} draws something else now",
        f"{tmp_path / 'orphan.svg'}: no drawer in tools.figures.DRAWERS makes it"]


def test_a_snippet_that_never_ends_fails_the_drawer_naming_it(tmp_path, monkeypatch):
    (tmp_path / "demo").mkdir()
    (tmp_path / "demo" / "endless.py").write_text("while True:\n    pass\n", encoding="utf-8")
    monkeypatch.setattr(F, "SNIPPETS", tmp_path)
    with pytest.raises(RuntimeError, match=r"snippets/demo/endless.py, which ran past the time limit of 0.05 s"):
        F.snippet_namespace("demo/endless.py", limit=0.05)


def test_every_figure_keeps_its_text_as_text_and_no_date(drawn):
    for name, (svg, drawer) in drawn.items():
        root = ET.fromstring(svg)
        assert root.tag == f"{SVG}svg", f"{name} ({drawer}) is not SVG"
        assert texts(svg), f"{name} ({drawer}) has no <text>: its words were drawn as paths"
        for debris in ("<dc:date>", "@font-face", 'id="DejaVu'):
            assert debris not in svg, f"{name} ({drawer}) holds {debris!r} (a date or an embedded font)"


def test_words_are_in_the_figures_language(drawn):
    """name.hi.svg has Devanagari, name.en.svg and language-neutral name.svg have none;
    a figure drawn for one language is drawn for every language."""
    problems = []
    for name, (svg, drawer) in drawn.items():
        lang, hindi = figure_lang(name), any(DEVANAGARI.search(t) for t in texts(svg))
        if lang and lang not in F.LANGS:
            problems.append(f"{name}: {lang} is not a language of the site")
        if hindi != (lang == "hi"):
            problems.append(f"{name} ({drawer}): {'has' if hindi else 'has no'} Devanagari text")
        for other in F.LANGS:
            if lang and LANG_SUFFIX.sub(f".{other}.svg", name) not in drawn:
                problems.append(f"{name} has no {other} twin")
    assert not problems, "\n".join(problems)


def test_hindi_labels_follow_the_glossary(drawn):
    for name, (svg, drawer) in drawn.items():
        if figure_lang(name) == "hi":
            words = "\n".join(texts(svg))
            found = avoided_words(words) + misspelt_terms(words)
            assert not found, f"{name} ({drawer}):\n  " + "\n  ".join(found)


@pytest.mark.parametrize("name, labels, arrows", [
    ("autograd_graph.svg", ["BinaryCrossEntropyBackward0", "SigmoidBackward0", "AddBackward0", "MulBackward0",
                            "AccumulateGrad (w)", "AccumulateGrad (b)"], 5),  # 6 nodes and 5 edges
    ("autograd_value_graph.svg", ["L = -1 · ln a = 0.0852", "a = σ(z) = 0.9183", "w = 2.2000", "grad = -0.0898",
                                  "b = 0.0000"], 8),                          # 9 values and 8 parent links
])
def test_the_graphs_of_the_worked_example_show_it(drawn, name, labels, arrows):
    svg, _ = drawn[name]
    missing = [text for text in labels if text not in texts(svg)]
    assert not missing, f"{missing} missing from the drawn {name}: {texts(svg)}"
    assert len(list(ET.fromstring(svg).iter(f"{SVG}line"))) == arrows, f"{name}: the worked example's graph has {arrows} edges"


def layout_font(folder):
    """The font file matplotlib measures the figures' text with, asked in the background; kept
    while tools/figures.py and matplotlib stay the same."""
    return printed_in_a_process("-c", "from tools import figures; print(figures.bundled_font().name)",
                                reads=(Path(F.__file__),), packages=("matplotlib",)).strip()


EARLY = [layout_font]


def test_layout_is_measured_with_matplotlibs_own_font(early):
    assert early(layout_font) == "DejaVuSans.ttf"


# --- the pages -------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", F.LANGS)
def test_pages_show_each_figure_of_their_language_with_alt_text(lang, drawn):
    problems, seen = [], set()
    for page, images in shown(lang).items():
        where = f"docs/{lang}/{page}"
        for alt, link in images:
            name = link.removeprefix(LINK_PREFIX)
            if not link.startswith(LINK_PREFIX) or name not in drawn:
                problems.append(f"{where}: {link} is not a figure in docs/assets/figures/ (link as {LINK_PREFIX}name)")
                continue
            seen.add(name)
            if figure_lang(name) not in (None, lang):
                problems.append(f"{where}: shows {name}, drawn for another language")
            if len(alt.split()) < 6:
                problems.append(f"{where}: {name} needs alt text that says what it shows, not {alt!r}")
            elif bool(DEVANAGARI.search(alt)) != (lang == "hi"):
                problems.append(f"{where}: the alt text of {name} is not in the page's language: {alt!r}")
    missing = [n for n in drawn if figure_lang(n) in (None, lang) and n not in seen]
    problems += [f"no docs/{lang} page shows {name}" for name in missing]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", F.LANGS)
@pytest.mark.parametrize("page", CHAPTERS)
def test_every_chapter_shows_a_figure_drawn_from_its_computation(lang, page, drawn):
    images = [link.removeprefix(LINK_PREFIX) for _, link in shown(lang)[page]]
    chapter = f"snippets/{page.removesuffix('.md')}/"
    ours = [n for n in images if n in drawn and drawn[n][1].startswith(chapter)]
    assert ours, f"docs/{lang}/{page} shows no figure drawn by a drawer in {chapter}"
