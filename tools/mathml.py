"""Render every formula at build time as MathML Core with Temml, drawn in a self-hosted math font.

pymdownx.arithmatex (generic mode) leaves each formula as
<span class="arithmatex">\\(...\\)</span> or <div class="arithmatex">\\[...\\]</div>.
hooks/math.py (the MkDocs glue) replaces each with Temml's MathML (one <math> element per formula: screen readers
read it, browsers draw it natively, no JavaScript), with throwOnError: a TeX error fails the
build, naming the page.

Why not KaTeX's HTML: it spends about 10 elements per formula on absolutely placed spans
(plus a hidden MathML copy for screen readers), and style and layout of those made the math
pages the slowest to become usable on a phone (bench/lighthouse.py). MathML drawn without a
math font loses alignment and sizes, so the pages get Latin Modern Math (the Computer Modern
look KaTeX has), cut down to the glyphs the site's formulas use (fontTools, with the
OpenType MATH table's size variants), as one small woff2.

- Temml is an npm package fetched by name with the npm client and checked against its pinned
  sha512 (tools/npm.py), into .cache/npm/ (once); Node runs it, one process per build.
- Latin Modern Math (version 1.959, the one file every TeX distribution ships, and Debian's
  fonts-lmodern) lives in the repository, fonts/latin-modern-math/, with its GUST Font License,
  which allows redistribution: no registry package ships it, and the site's cut-down font
  must come from exactly these bytes (tests/test_math.py pins their sha256). So the build needs
  nothing from an OS package manager. The cut-down font is cached in .cache/ by the glyphs it
  holds; the site ships the licence beside it.
"""
import atexit
import hashlib
import html
import json
import logging
import re
import shutil
import subprocess
import threading
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from tools import npm
from tools.page import ROOT

CACHE = ROOT / ".cache"
FONT_DIR = ROOT / "fonts" / "latin-modern-math"
FONT = FONT_DIR / "latinmodern-math.otf"
FONT_LICENSE = FONT_DIR / "GUST-FONT-LICENSE.txt"
SITE_DIR = "assets/math"
STYLESHEETS = (f"{SITE_DIR}/Temml-Latin-Modern.css",  # Temml's own; it loads ./latinmodernmath.woff2
               "assets/stylesheets/math.css")         # this site's sizes
FONT_NAME = "latinmodernmath.woff2"
# No OpenType features: the MATH table (size variants, stretchy parts) stays; the GSUB
# alternates (ssty) were half the glyphs (44 KB instead of 20 KB) and Chromium does not use them.
SUBSET_FEATURES: list[str] = []

MATH = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">(?P<open>\\\(|\\\[)(?P<tex>.*?)(?:\\\)|\\\])</(?P=tag)>',
    re.S,
)
TEXT = re.compile(r">([^<]+)<")
TEMML_FONT_USERS = re.compile(r'class="[^"]*\b(?:tml-prime|mathscr)\b')  # what Temml's CSS draws in Temml.woff2
# Node reads one JSON request a line (a list of {"tex", "display"}: a page's formulas) and
# answers one JSON line (a list of {"html"} or {"error"}): one round trip per page.
SERVER_JS = r"""
const temml = require(process.argv[1]);
const rl = require('readline').createInterface({input: process.stdin});
rl.on('line', line => {
  const answers = JSON.parse(line).map(({tex, display}) => {
    try { return {html: temml.renderToString(tex, {displayMode: display, throwOnError: true})}; }
    catch (err) { return {error: String(err.message || err)}; }
  });
  process.stdout.write(JSON.stringify(answers) + '\n');
});
"""
log = logging.getLogger("mkdocs.hooks.math")


class TeXError(ValueError):
    pass


def temml_dist() -> Path:
    """Temml's package folder (dist/temml.cjs, its CSS and font), fetched once by name with npm."""
    try:
        return npm.package("temml")
    except npm.NpmError as err:
        raise PluginError(f"Temml, which renders the formulas, could not be had: {err}") from err


class Temml:
    """One Node process running Temml, started on first use; formulas rendered once per build
    (the English and Hindi pages share most of them)."""

    def __init__(self):
        self.process = None
        self.done = {}
        self.lock = threading.Lock()

    def render(self, formulas: list[tuple[str, bool]]) -> list[str | TeXError]:
        """MathML for each (tex, display), or the TeXError that Temml raised for it."""
        with self.lock:  # one exchange with the Node process at a time (tests render from threads)
            new = sorted({f for f in formulas if f not in self.done})
            if new:
                if self.process is None:
                    self.start()
                self.process.stdin.write(json.dumps([{"tex": t, "display": d} for t, d in new]) + "\n")
                self.process.stdin.flush()
                line = self.process.stdout.readline()
                if not line:
                    raise PluginError(f"Temml's Node process ended: {self.process.stderr.read()[-2000:]}")
                for formula, answer in zip(new, json.loads(line)):
                    self.done[formula] = answer["html"] if "html" in answer else TeXError(answer["error"])
            return [self.done[f] for f in formulas]

    def start(self):
        try:
            self.process = subprocess.Popen(
                [*npm.node_command(), "-e", SERVER_JS, str(temml_dist() / "dist/temml.cjs")],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                text=True, encoding="utf-8")
        except OSError as err:
            raise PluginError(f"tools/mathml.py needs Node.js to run Temml: {err}") from err
        atexit.register(self.stop)

    def stop(self):
        if self.process:
            self.process.stdin.close()
            self.process.wait(timeout=10)
            self.process = None


TEMML_PROCESS = Temml()
CHARACTERS: set[str] = set()  # drawn by the site's formulas: the math font keeps these glyphs


def render_all(formulas: list[tuple[str, bool]]) -> list[str | TeXError]:
    """MathML for each (tex, display), or the TeXError for a formula Temml cannot render."""
    return TEMML_PROCESS.render(formulas)


def render_page_math(text: str, where: str) -> str:
    """Every formula of a page as MathML; a TeX error is a PluginError naming the page."""
    found = [(html.unescape(m["tex"]).strip(), m["open"] == "\\[") for m in MATH.finditer(text)]
    if not found:
        return text
    rendered = iter(zip(found, render_all(found)))

    def one(m: re.Match) -> str:
        (tex, display), out = next(rendered)
        if isinstance(out, TeXError):
            raise PluginError(f"TeX error in {where}: {out}\n  formula: {tex}") from out
        CHARACTERS.update(drawn_characters(out))
        # A display formula wider than its column scrolls, and a keyboard must reach it to
        # scroll it (axe: scrollable-region-focusable): each is a tab stop, as each code block
        # is (tools/code_blocks.py), set here rather than by measuring widths in the reader's
        # browser (a layout of the whole page at load: Lighthouse's blocking time).
        return f'<div class="arithmatex" tabindex="0">{out}</div>' if display else f'<span class="arithmatex">{out}</span>'

    return MATH.sub(one, text)


# MathML Core's math-auto italic forms beyond the Latin and Greek letters' runs (its table of
# italic mappings): the browser draws a one-letter <mi> with these.
ITALIC_OTHERS = {"ı": "\U0001D6A4", "ȷ": "\U0001D6A5", "ϴ": "\U0001D6F3", "∇": "\U0001D6FB",
                 "∂": "\U0001D715", "ϵ": "\U0001D716", "ϑ": "\U0001D717", "ϰ": "\U0001D718",
                 "ϕ": "\U0001D719", "ϱ": "\U0001D71A", "ϖ": "\U0001D71B"}
# Glyphs an element draws with no character in the MathML's text: the radical of a square root.
DRAWN_BY_ELEMENT = {"msqrt": "√", "mroot": "√"}
ELEMENT = re.compile(r"<(m[a-z]+)[\s>]")


def italic(ch: str) -> str:
    """The mathematical italic form a browser draws a one-letter <mi> with (MathML Core's
    text-transform: math-auto)."""
    if "a" <= ch <= "z" or "A" <= ch <= "Z":
        return "\u210e" if ch == "h" else chr(0x1D434 + (ord(ch) - 65 if ch <= "Z" else 26 + ord(ch) - 97))
    if "α" <= ch <= "ω":
        return chr(0x1D6FC + ord(ch) - ord("α"))
    if "Α" <= ch <= "Ω":
        return chr(0x1D6E2 + ord(ch) - ord("Α"))
    return ITALIC_OTHERS.get(ch, ch)


def drawn_characters(mathml_text: str) -> set[str]:
    """Every character the browser may draw for this MathML: its text, and what its elements
    draw without text (the variants and parts of stretchy characters come with them: the
    subsetter keeps the MATH table's constructions of every glyph it keeps)."""
    found = set(html.unescape("".join(TEXT.findall(mathml_text))))
    found.update(DRAWN_BY_ELEMENT[tag] for tag in ELEMENT.findall(mathml_text) if tag in DRAWN_BY_ELEMENT)
    return found


def math_font(characters: set[str]) -> Path:
    """Latin Modern Math cut down to these characters (and their italic forms), as woff2,
    cached in .cache/ by the characters it holds."""
    wanted = sorted({c for ch in characters for c in (ch, italic(ch))} | set(" 0123456789"))
    key = hashlib.sha256(f"{''.join(wanted)}|{FONT.stat().st_size if FONT.exists() else ''}|{SUBSET_FEATURES}".encode()).hexdigest()[:16]
    cached = CACHE / f"latinmodernmath-{key}.woff2"
    if cached.exists():
        return cached
    if not FONT.exists():
        raise PluginError(f"Latin Modern Math is not at {FONT}: it is part of the repository (git checkout fonts/)")
    from fontTools import subset
    from fontTools.ttLib import TTFont

    logging.getLogger("fontTools").setLevel(logging.ERROR)  # "FFTM NOT subset" and the like

    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = SUBSET_FEATURES
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = TTFont(FONT, recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in wanted])
    subsetter.subset(font)
    CACHE.mkdir(exist_ok=True)
    tmp = cached.with_suffix(".tmp")
    font.flavor = "woff2"
    font.save(tmp, reorderTables=False)
    tmp.rename(cached)
    return cached


def start_build() -> None:
    temml_dist()  # fail early (and only once) if Temml cannot be had
    CHARACTERS.clear()


def page_with_math(output: str, page) -> str:
    """The page's formulas as MathML, and the math stylesheets and fonts in its head."""
    rendered = render_page_math(output, page.file.src_uri)
    if rendered == output:
        return output  # no math: no math stylesheet either
    # The fonts are preloaded: fetched with the stylesheets, they are there for the first
    # layout, instead of arriving after it and making the browser lay every formula out again.
    fonts = [f"{SITE_DIR}/{FONT_NAME}"] + [f"{SITE_DIR}/Temml.woff2"] * bool(TEMML_FONT_USERS.search(rendered))
    links = "".join(f'<link rel="preload" href="{get_relative_url(font, page.url)}" as="font" type="font/woff2" crossorigin>\n'
                    for font in fonts)
    links += "".join(f'<link rel="stylesheet" href="{get_relative_url(css, page.url)}">\n' for css in STYLESHEETS)
    return rendered.replace("</head>", links + "</head>", 1)


def finish_build(site_dir: str) -> None:
    """Temml's process stopped; the math stylesheets and the cut-down font into the site."""
    TEMML_PROCESS.stop()  # `mkdocs serve` loads this hook anew for each rebuild: no process left behind
    target = Path(site_dir) / SITE_DIR
    target.mkdir(parents=True, exist_ok=True)
    for name in ("dist/Temml-Latin-Modern.css", "dist/Temml.woff2", "LICENSE"):
        shutil.copyfile(temml_dist() / name, target / Path(name).name)
    shutil.copyfile(math_font(CHARACTERS), target / FONT_NAME)
    shutil.copyfile(FONT_LICENSE, target / FONT_LICENSE.name)
