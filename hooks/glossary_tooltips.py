"""Tooltips from the glossary: the first use of each glossary term on a page shows its definition.

The browser shows the title of the <abbr title=...> elements that Python-Markdown's `abbr`
extension makes from lines like `*[tensor]: A multi-...` (not Material's `content.tooltips`:
mkdocs.yml says why).
This hook appends those lines, built from glossary/terms.yml in the page's own language
(English definitions on docs/en pages, Hindi ones on docs/hi pages), to each Markdown page
when it is built. The page files stay untouched, so the doc tests never see the lines;
code blocks and formulas get no tooltips (`abbr` leaves them alone), nor do headings and
table headers.

A word that is a glossary term but means something else where it stands ("the size and
shape of the network" is not a tensor's `.shape`) is marked right after it:
`shape<!--no-tooltip-->`. The marker is stripped and that word gets no tooltip; the term's
first real use, later on the page, still gets its tooltip. (An HTML comment, so the notebooks,
which drop comments, and GitHub's view of the page never show it.)

A term of several words matches across a line break too (`abbr` alone would miss it, and
then give its last word's own tooltip instead).

`abbr` finds words with `\\b`, which in Devanagari also matches next to a vowel sign
(टेंसर|ों) or a nukta, and would split a letter from its mark. So this hook also replaces
`abbr`'s matcher with one that takes whole words only, Devanagari marks counted as letters.
"""
import re
import sys
from pathlib import Path

from markdown.extensions import Extension
from markdown.extensions.abbr import AbbrTreeprocessor
from markdown.inlinepatterns import InlineProcessor

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools.glossary import PAGE, abbreviations, load  # noqa: E402
from tools.page import page_lang  # noqa: E402

LETTER = r"\w\u0900-\u097f"  # word characters, and every Devanagari letter and mark
NO_TOOLTIPS = {"h1", "h2", "h3", "h4", "h5", "h6", "th"}  # titles stay plain
GLOSSARY = None
NO_TOOLTIP = rf"([{LETTER}-]+)<!--no-tooltip-->"  # the word before the marker: not the term here


class NoTooltipInlineProcessor(InlineProcessor):
    """`word<!--no-tooltip-->` -> `word`, kept out of `abbr`'s reach: stashed as raw text
    (escaped), which the tree processors never see and the output gets back unchanged."""

    def handleMatch(self, m, data):
        word = m[1].replace("&", "&amp;").replace("<", "&lt;")
        return self.md.htmlStash.store(word), m.start(0), m.end(0)


class AnySpacing(dict):
    """The definitions, looked up with any run of whitespace between a term's words: a
    term of two words broken over two lines of the Markdown ("large language\nmodel") is
    still the term."""

    def __getitem__(self, text):
        return super().__getitem__(" ".join(text.split()))


class WholeWordAbbrTreeprocessor(AbbrTreeprocessor):
    def run(self, root):
        if not self.abbrs:
            return
        self.abbrs = AnySpacing(self.abbrs)
        words = "|".join(re.escape(w).replace(r"\ ", r"\s+")
                         for w in sorted(self.abbrs, key=len, reverse=True))
        self.RE = re.compile(rf"(?<![{LETTER}])(?:{words})(?![{LETTER}])")
        self.iter_element(root)
        first_use_only(root)

    def iter_element(self, el, parent=None):
        if el.tag not in NO_TOOLTIPS:
            super().iter_element(el, parent)


def first_use_only(root):
    """One tooltip per term and page, on its first use: later uses become plain text again,
    so a paragraph that says "layer" five times is not underlined five times."""
    parents = {child: parent for parent in root.iter() for child in parent}
    seen = set()
    for abbr in list(root.iter("abbr")):  # document order
        if abbr.get("title") not in seen:
            seen.add(abbr.get("title"))
            continue
        parent = parents[abbr]
        text = (abbr.text or "") + (abbr.tail or "")
        index = list(parent).index(abbr)
        if index:
            before = parent[index - 1]
            before.tail = (before.tail or "") + text
        else:
            parent.text = (parent.text or "") + text
        parent.remove(abbr)


class WholeWordAbbr(Extension):
    """Load after `abbr`: its definitions, matched as whole words."""

    def extendMarkdown(self, md):
        md.treeprocessors.register(WholeWordAbbrTreeprocessor(md, md.treeprocessors["abbr"].abbrs), "abbr", 7)
        # before the raw-HTML pattern (90), which would otherwise pass the comment through
        md.inlinePatterns.register(NoTooltipInlineProcessor(NO_TOOLTIP, md), "no_tooltip", 95)


def on_config(config):
    global GLOSSARY
    GLOSSARY = load()
    if "abbr" not in config.markdown_extensions:
        raise ValueError("hooks/glossary_tooltips.py needs the `abbr` Markdown extension")
    config.markdown_extensions.append(WholeWordAbbr())
    return config


def on_page_markdown(markdown, page, config, files):
    if not page.file.src_uri.endswith(".md") or Path(page.file.src_uri).name == PAGE:
        return markdown  # notebooks are not Markdown; the glossary page defines every term itself
    # One definition a block: in one block of n lines, `abbr` takes one line a pass and every
    # block processor searches the rest again (n² work: a third of the build).
    lang = page_lang(Path(page.file.abs_src_path))
    return markdown + "".join(f"\n\n{line}" for line in abbreviations(GLOSSARY, lang).splitlines())
