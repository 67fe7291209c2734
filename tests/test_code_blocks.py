"""tools/code_blocks.py: highlighted code loses only the spans that draw nothing (names, spaces),
and every code block is focusable before Material mounts it."""
import re
from pathlib import Path

import material

from tools.code_blocks import focusable_code, lean_code_blocks, unwrap_plain_tokens

HIGHLIGHTED = ('<pre><code><span class="kn">import</span><span class="w"> </span><span class="nn">torch</span>\n'
               '<span class="n">x</span> <span class="o">=</span> <span class="n">torch</span><span class="o">.</span>'
               '<span class="n">ones</span><span class="p">(</span><span class="mi">2</span><span class="p">)</span>'
               '</code></pre>')


def text(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_names_and_spaces_lose_their_spans_and_nothing_else_changes():
    lean = unwrap_plain_tokens(HIGHLIGHTED)
    assert text(lean) == text(HIGHLIGHTED) == "import torch\nx = torch.ones(2)"
    assert 'class="n"' not in lean and 'class="w"' not in lean
    kept = re.findall(r'<span class="([^"]+)">', lean)
    assert kept == [c for c in re.findall(r'<span class="([^"]+)">', HIGHLIGHTED) if c not in ("n", "w")]
    assert '<span class="nn">torch</span>' in lean  # a module name keeps its colour


def test_material_draws_names_in_the_code_colour():
    """The premise: `.n` is coloured --md-code-hl-name-color, which Material sets to the code
    block's own colour (--md-code-fg-color) in both schemes; `.w` has no rule at all."""
    css = "".join(p.read_text(encoding="utf-8")
                  for p in (Path(material.__file__).parent / "templates/assets/stylesheets").glob("*.css"))
    names = set(re.findall(r"--md-code-hl-name-color:([^;}]+)", css))
    assert names == {"var(--md-code-fg-color)"}, names
    assert not re.search(r"\.highlight \.w\b", css)


def test_every_code_block_is_focusable_and_inline_code_is_not():
    html = HIGHLIGHTED.replace("<pre>", "<pre><span></span>") + "<p>Call <code>backward()</code>.</p><pre><code>out</code></pre>"
    lean = focusable_code(html)
    assert lean.count('<code tabindex="0">') == 2 and "<code>backward()</code>" in lean
    assert text(lean_code_blocks(html)) == text(html)
