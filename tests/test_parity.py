"""Every page has a twin in every other language, and the twins have the same structure.

Twins (docs/en/x.md, docs/hi/x.md, and so in every language) must show, in the same order: the same heading levels,
the same code blocks (the same snippet files, or the same inline code), the same output
blocks, the same formulas (identical TeX), the same figures (image files; `x.en.svg` on the
English page and `x.hi.svg` on the Hindi page are one figure, drawn per language), the same
admonition kinds. Only the prose may differ, and the order of
inline formulas within a section (Hindi word order is not English word order).
A difference names both pages and lines, and the first item that differs.
The nav is shared by every language: every title must have a translation in each, and every
page it lists must exist in each.
"""
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from tools.site_config import language_entry, languages, nav_entries

from tools.page import INCLUDE, OUTPUT_LANGS, PYTHON_LANGS, ROOT, page_lang, read, rel


DOCS = ROOT / "docs"
FIXTURE = ROOT / "tests" / "fixtures" / "parity" / "docs"
LANGS = languages()
SOURCE, TRANSLATION = LANGS[:2]  # the default language, and a translation for the planted faults


@dataclass(frozen=True)
class Item:
    line: int
    kind: str
    payload: str
    parts: tuple = ()  # the formulas of an "inline formulas" item

    def __str__(self):
        return f"line {self.line}: {self.kind} {self.payload}".rstrip()


def fence_payload(body: str) -> str:
    includes = [INCLUDE.match(l.strip()) for l in body.split("\n") if l.strip()]
    if includes and all(includes):
        return " + ".join(f"`{m['path']}`" for m in includes)
    return f"(inline) {body.strip()!r}"


def structure(path: Path) -> list[Item]:
    """The page's structural items (tools/page.py's model), in order; prose is left out."""
    page = read(path)
    items = [Item(f.line, "python block" if f.lang in PYTHON_LANGS else "output block" if f.lang in OUTPUT_LANGS
                  else f"{f.lang or 'plain'} block", fence_payload(f.body)) for f in page.fences]
    items += [Item(h.line, "heading", f"level {h.level}") for h in page.headings]
    items += [Item(a.line, "admonition", f"{'???' if a.collapsed else '!!!'} {a.kind}") for a in page.admonitions]
    items += [Item(f.line, "figure", same_figure(f.src, page.lang)) for f in page.figures]
    items += [Item(f.line, "formula" if f.display else "inline", f"${f.tex}$") for f in page.formulas]
    return group_inline_formulas(sorted(items, key=lambda item: item.line))  # stable sort


def same_figure(path: str, lang: str) -> str:
    """x.en.svg on an English page and x.hi.svg on a Hindi page are one figure: x.<lang>.svg."""
    return re.sub(rf"\.{lang}(\.\w+)$", r".<lang>\1", path)


def group_inline_formulas(items: list[Item]) -> list[Item]:
    """Inline formulas count per section, in any order: Hindi word order differs from English
    ("$-0.0898$ for $w$" is "$w$ के लिए $-0.0898$"). Display formulas keep their order."""
    grouped, pending = [], []

    def flush():
        if pending:
            parts = tuple(sorted(i.payload for i in pending))
            grouped.append(Item(pending[0].line, "inline formulas", " ".join(parts), parts))
            pending.clear()

    for item in items:
        if item.kind == "inline":
            pending.append(item)
            continue
        if item.kind == "heading":
            flush()
        grouped.append(item)
    flush()
    return grouped


def compare(english: Path, translated: Path) -> str | None:
    """None if the twins have the same structure, else where they first differ."""
    a, b = structure(english), structure(translated)
    for k, (x, y) in enumerate(zip(a, b)):
        if (x.kind, x.payload) != (y.kind, y.payload):
            if x.kind == y.kind == "inline formulas":
                x, y = only_in(x, y), only_in(y, x)
            return (f"{rel(translated)} [{page_lang(translated)}] differs from {rel(english)} [{SOURCE}] "
                    f"at structural item {k + 1}:\n"
                    f"  {rel(english)} [{SOURCE}] {x}\n  {rel(translated)} [{page_lang(translated)}] {y}")
    if len(a) != len(b):
        longer, page, extra = (english, SOURCE, a[len(b)]) if len(a) > len(b) else (translated, page_lang(translated), b[len(a)])
        return (f"{rel(translated)} [{page_lang(translated)}] differs from {rel(english)} [{SOURCE}]: "
                f"only {rel(longer)} [{page}] has structural item {min(len(a), len(b)) + 1}, {extra}")
    return None


def only_in(a: Item, b: Item) -> Item:
    """The inline formulas of section a that section b lacks."""
    extra = Counter(a.parts) - Counter(b.parts)
    return Item(a.line, "inline formulas of the section, not in the other", " ".join(sorted(extra.elements())) or "(none)")


def twins(docs: Path) -> tuple[list[tuple[Path, Path]], list[str]]:
    """Pairs (source page, translated page) of every translation under docs, and the pages
    that have no twin."""
    names = {lang: {p.relative_to(docs / lang).as_posix() for p in (docs / lang).glob("**/*.md")}
             for lang in LANGS if (docs / lang).is_dir()}
    translations = [lang for lang in names if lang != SOURCE]
    missing = [f"docs/{lang}/{name} has no twin docs/{other}/{name}"
               for t in translations for lang, other in ((SOURCE, t), (t, SOURCE))
               for name in sorted(names[lang] - names[other])]
    pairs = [(docs / SOURCE / n, docs / t / n) for t in translations for n in sorted(names[SOURCE] & names[t])]
    return pairs, missing


def parity_problems(docs: Path) -> list[str]:
    pairs, problems = twins(docs)
    problems += [d for en, hi in pairs if (d := compare(en, hi))]
    return problems


# --- the site ------------------------------------------------------------------------------

PAIRS, MISSING = twins(DOCS)


def test_every_page_has_a_twin():
    assert not MISSING, "pages without a twin in the other language:\n" + "\n".join(MISSING)


@pytest.mark.parametrize("english,translated", PAIRS, ids=[p[1].relative_to(DOCS).as_posix() for p in PAIRS])
def test_twins_have_the_same_structure(english, translated):
    difference = compare(english, translated)
    assert difference is None, difference


def test_nav_is_the_same_in_both_languages():
    titles, files = nav_entries()
    translations = {}
    for lang in LANGS[1:]:
        translations[lang] = language_entry(lang).get("nav_translations") or {}
        assert "nav" not in language_entry(lang), f"{lang} has its own nav: the languages must share one"
    problems = [f"nav title {t!r} has no {lang} nav_translation"
                for lang, tr in translations.items() for t in titles if t not in tr]
    problems += [f"nav lists {f}, but docs/{lang}/{f} does not exist"
                 for f in files if "://" not in f for lang in LANGS if not (DOCS / lang / f).is_file()]
    assert not problems, "\n".join(problems)


# --- the check itself fails on a planted fault ---------------------------------------------

def test_parity_check_names_page_language_and_block():
    """tests/fixtures/parity: same.md twins agree; differs.md's Hindi page shows another snippet."""
    problems = parity_problems(FIXTURE)
    assert len(problems) == 2, problems
    differs = next(p for p in problems if "differs.md" in p)
    assert "tests/fixtures/parity/docs/hi/differs.md [hi]" in differs
    assert "tests/fixtures/parity/docs/en/differs.md [en] line 7: python block `parity/squares.py`" in differs
    assert "docs/hi/differs.md [hi] line 7: python block `parity/cubes.py`" in differs
    assert "structural item 3" in differs
    lonely = next(p for p in problems if "only_english.md" in p)
    assert lonely == "docs/en/only_english.md has no twin docs/hi/only_english.md"


@pytest.mark.parametrize("fault,expected", [
    ("$$\ny = x^2\n$$", "formula $y = x^2$"),
    ("![a figure](other.svg)", "figure other.svg"),
    ("!!! tip", "admonition !!! tip"),
    ("### A deeper heading", "heading level 3"),
    ("```text\n--8<-- \"parity/squares.out\"\n```", "output block `parity/squares.out`"),
])
def test_each_kind_of_difference_is_found(tmp_path, fault, expected):
    for lang in LANGS:
        (tmp_path / "docs" / lang).mkdir(parents=True)
        body = "# Title\n\n!!! note\n    Text.\n\n$$\ny = x\n$$\n\n![a figure](figure.svg)\n\n## Section\n"
        if lang == TRANSLATION:
            body += f"\n{fault}\n"
        (tmp_path / "docs" / lang / "page.md").write_text(body, encoding="utf-8")
    problems = parity_problems(tmp_path / "docs")
    assert len(problems) == 1 and expected in problems[0], problems


@pytest.mark.parametrize("hindi_figure,same", [("x.hi.svg", True), ("x.en.svg", False), ("y.hi.svg", False)])
def test_a_figure_drawn_per_language_is_one_figure(tmp_path, hindi_figure, same):
    for lang, figure in ((SOURCE, f"x.{SOURCE}.svg"), (TRANSLATION, hindi_figure)):
        (tmp_path / "docs" / lang).mkdir(parents=True)
        (tmp_path / "docs" / lang / "page.md").write_text(f"# Title\n\n![a figure]({figure})\n", encoding="utf-8")
    problems = parity_problems(tmp_path / "docs")
    assert (problems == []) if same else (len(problems) == 1 and f"[{TRANSLATION}] line 3: figure {hindi_figure[0]}." in problems[0]), problems
