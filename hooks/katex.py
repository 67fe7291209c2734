"""Render every formula at build time with KaTeX, so pages ship no KaTeX JavaScript.

pymdownx.arithmatex (generic mode) leaves each formula as
<span class="arithmatex">\\(...\\)</span> or <div class="arithmatex">\\[...\\]</div>.
This hook replaces each with KaTeX's HTML (throwOnError: a TeX error fails the build,
naming the page) and copies KaTeX's CSS and fonts, taken from the npm registry at the
version pykatex bundles, into the site.
"""
import base64
import hashlib
import html
import io
import logging
import re
import shutil
import tarfile
import urllib.request
from pathlib import Path

import pykatex
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

KATEX_VERSION = "0.16.22"  # the KaTeX inside PyKaTeX 0.1.1; CSS and fonts must match it
TARBALL = f"https://registry.npmjs.org/katex/-/katex-{KATEX_VERSION}.tgz"
INTEGRITY = "sha512-XCHRdUw4lf3SKBaJe4EvgqIuWwkPSo9XoeO8GjQW94Bp7TWv9hNhzZjZ+OH9yf1UmLygb7DIT5GSFQiyt16zYg=="
CACHE = Path(__file__).resolve().parent.parent / ".cache" / f"katex-{KATEX_VERSION}"
SITE_DIR = "assets/katex"

MATH = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">(?P<open>\\\(|\\\[)(?P<tex>.*?)(?:\\\)|\\\])</(?P=tag)>',
    re.S,
)
log = logging.getLogger("mkdocs.hooks.katex")


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
    """KaTeX's dist folder, fetched once from the npm registry and checked against its hash."""
    if (CACHE / "katex.min.css").exists():
        return CACHE
    log.info("Fetching KaTeX %s CSS and fonts from the npm registry", KATEX_VERSION)
    try:
        data = urllib.request.urlopen(TARBALL, timeout=60).read()
    except OSError as err:
        raise PluginError(f"KaTeX {KATEX_VERSION}'s CSS and fonts are not in {CACHE} and could not be "
                          f"fetched from {TARBALL} ({err}). Build once with network access; later "
                          "builds use the cache.") from err
    digest = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    if digest != INTEGRITY:
        raise PluginError(f"{TARBALL}: integrity {digest} != pinned {INTEGRITY}")
    tmp = CACHE.with_suffix(".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        for member in tar.getmembers():
            name = member.name.removeprefix("package/dist/")
            if name == "katex.min.css" or (name.startswith("fonts/") and name.endswith(".woff2")):
                member.name = name
                tar.extract(member, tmp, filter="data")
    tmp.rename(CACHE)
    return CACHE


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
    shutil.copytree(katex_dist(), Path(config.site_dir) / SITE_DIR, dirs_exist_ok=True)
