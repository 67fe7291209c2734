"""Code blocks as the build writes them: fewer elements, and reachable by keyboard before
Material's script has seen them (issue 10).

- Pygments wraps every name (`n`) and every run of spaces (`w`) in a <span>. Material colours
  `.n` with `--md-code-hl-name-color`, which is `--md-code-fg-color`, the colour the code
  block already has, and gives `.w` no style at all: those spans draw nothing the text would
  not draw by itself. On the autograd and backprop pages they were 350 to 470 of the 1,170
  to 1,410 elements inside code blocks, each one styled and laid out when the page starts.
- Material makes a code block that scrolls sideways focusable (tabindex="0") when it mounts
  the block, and with `content.lazy` it mounts a block only when the block first shows. So
  the build makes every block focusable; Material takes the tabindex away again from a block
  that turns out not to scroll (or on a device without hover), as it always has.
"""
import functools
import re
from pathlib import Path

from tools.build_memo import digest, memo

BLOCK = re.compile(r'<div class="(?P<cls>[^"]*\bhighlight)">(?P<pre><pre\b.*?</pre>)', re.S)
# The height of a code block in ems of its own box, by its number of lines (measured in
# Chromium: 1.156em a line and 1.93em of padding). extra.css lays a block out only when it nears
# the screen (content-visibility); until then it takes this height, so the page below it does
# not move when it is laid out (a 200-line block held 12em before: what stood under it jumped).
LINE_EM, PADDING_EM = 1.156, 1.93
PLAIN_TOKEN = re.compile(r'<span class="[nw]">([^<]*)</span>')
CODE_IN_PRE = re.compile(r"(<pre[^>]*>(?:<span></span>)?)<code>")


def unwrap_plain_tokens(html: str) -> str:
    """Replace <span class="n">x</span> and <span class="w"> </span> by their text."""
    return PLAIN_TOKEN.sub(r"\1", html)


def focusable_code(html: str) -> str:
    """<pre><code> -> <pre><code tabindex="0">."""
    return CODE_IN_PRE.sub(r'\1<code tabindex="0">', html)


def sized(html: str) -> str:
    """Each code block's <div> with the height it will take (contain-intrinsic-size)."""
    def one(m: re.Match) -> str:
        em = round(LINE_EM * (m["pre"].count("\n") + 1) + PADDING_EM, 1)
        return f'<div class="{m["cls"]}" style="contain-intrinsic-size:auto {em}em">{m["pre"]}'
    return BLOCK.sub(one, html)


def lean_code_blocks(html: str) -> str:
    return sized(focusable_code(unwrap_plain_tokens(html)))


def remembered(highlight):
    """pymdownx's `Highlight.highlight` (Pygments colouring one code block) answered from the
    build memo (tools/build_memo.py): the same code with the same options is coloured once,
    not once per language and build."""
    import pygments
    import pymdownx

    version = digest(pygments.__version__, pymdownx.__version__, Path(__file__).read_bytes())

    @functools.wraps(highlight)
    def highlight_once(self, src, *args, **kwargs):
        if getattr(self, "title_mode", "text") == "html" or kwargs.get("inline"):
            return highlight(self, src, *args, **kwargs)  # an HTML title goes to the page's stash
        settings = sorted((k, repr(v)) for k, v in vars(self).items() if k != "md")
        key = (src, repr(args), sorted((k, repr(v)) for k, v in kwargs.items()), settings)
        return memo("highlight", version).get(key, lambda: highlight(self, src, *args, **kwargs))
    return highlight_once
