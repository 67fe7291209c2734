"""Render every formula at build time with KaTeX, so pages ship no KaTeX JavaScript.

pymdownx.arithmatex (generic mode) leaves each formula as
<span class="arithmatex">\\(...\\)</span> or <div class="arithmatex">\\[...\\]</div>.
This hook replaces each with KaTeX's HTML (throwOnError: a TeX error fails the build,
naming the page) and copies KaTeX's CSS and woff2 fonts into the site, from the npm package
`katex` at the version pykatex bundles (fetched by name with the npm client: tools/npm.py).
The CSS is rewritten to name only the woff2 fonts: every browser the site targets reads woff2,
and the .woff/.ttf fallbacks it also named are not shipped (each was a 404).
"""
import html
import re
import shutil
import sys
from pathlib import Path

import pykatex
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools import npm  # noqa: E402

KATEX_VERSION = "0.16.22"  # the KaTeX inside PyKaTeX 0.1.1; CSS and fonts must match it
assert npm.PINNED["katex"][0] == KATEX_VERSION, "tools/npm.py pins another KaTeX than pykatex's"
SITE_DIR = "assets/katex"
# In katex.min.css each font face lists woff2, then woff and ttf fallbacks: only woff2 stays.
FALLBACK_FONT = re.compile(r',url\(fonts/[\w-]+\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)')

MATH = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">(?P<open>\\\(|\\\[)(?P<tex>.*?)(?:\\\)|\\\])</(?P=tag)>',
    re.S,
)


def render(tex: str, display: bool) -> str:
    """KaTeX HTML for one formula; raises pykatex.ParseError on bad TeX."""
    return pykatex.renderToString(tex, displayMode=display, throwOnError=True)


def render_page_math(text: str, where: str) -> str:
    def one(m: re.Match) -> str:
        tex = html.unescape(m.group("tex")).strip()
        display = m.group("open") == "\\["
        try:
            out = render(tex, display)
        except pykatex.ParseError as err:
            raise PluginError(f"KaTeX error in {where}: {err}\n  formula: {tex}") from err
        return f'<div class="arithmatex">{out}</div>' if display else f'<span class="arithmatex">{out}</span>'

    return MATH.sub(one, text)


def katex_dist() -> Path:
    """KaTeX's dist folder (npm package `katex`, fetched once and checked against its sha512)."""
    try:
        return npm.package("katex") / "dist"
    except npm.NpmError as err:
        raise PluginError(f"KaTeX {KATEX_VERSION}'s CSS and fonts: {err}") from err


def woff2_only_css(css: str) -> str:
    css = FALLBACK_FONT.sub("", css)
    if re.search(r"\.(woff|ttf)\)", css):
        raise PluginError("hooks/katex.py: katex.min.css still names .woff/.ttf fonts; update FALLBACK_FONT")
    return css


def on_config(config):
    katex_dist()  # fail early (and only once) if the assets cannot be had
    return config


def on_post_page(output: str, page, config) -> str:
    rendered = render_page_math(output, page.file.src_uri)
    if rendered == output:
        return output  # no math: no KaTeX stylesheet either
    css = get_relative_url(f"{SITE_DIR}/katex.min.css", page.url)
    return rendered.replace("</head>", f'<link rel="stylesheet" href="{css}">\n</head>', 1)


def on_post_build(config):
    dist, dest = katex_dist(), Path(config.site_dir) / SITE_DIR
    (dest / "fonts").mkdir(parents=True, exist_ok=True)
    css = (dist / "katex.min.css").read_text(encoding="utf-8")
    (dest / "katex.min.css").write_text(woff2_only_css(css), encoding="utf-8")
    for font in (dist / "fonts").glob("*.woff2"):
        shutil.copyfile(font, dest / "fonts" / font.name)
