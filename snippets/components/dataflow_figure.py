"""Figure: how data flows through GPT-2 small, with each stage's output shape and each box's
parameter count.

Drawn from gpt2_on_meta.py, the snippet on the page: the model it builds on the meta device
is run again on a batch of token IDs, forward hooks record the shape every part returns,
and each box's count is the sum of its module's parameters (so the boxes add up to the
163,009,536 the snippet prints). Files: docs/assets/figures/components_dataflow.en.svg, .hi.svg.
"""
import matplotlib.pyplot as plt
from matplotlib.patches import FancyBboxPatch
import torch

from tools.figures import BLUE, GREEN, GREY, INK, LANGS, ORANGE, label, snippet_namespace, svg

LABELS = {
    "ids": ("token IDs", "टोकन ID"),
    "emb": ("token embedding + position embedding", "टोकन एम्बेडिंग + पोज़िशनल एम्बेडिंग"),
    "norm": ("LayerNorm", "LayerNorm"),
    "att": ("attention, {h} heads, causal mask", "अटेंशन ({h} हेड, कॉज़ल मास्क)"),
    "ff": ("feed-forward with GELU", "फ़ीड-फ़ॉरवर्ड (GELU के साथ)"),
    "final": ("final LayerNorm", "आख़िरी LayerNorm"),
    "head": ("output head", "आउटपुट हेड"),
    "logits": ("logits", "लॉजिट"),
    "repeat": ("× {n} blocks", "× {n} ब्लॉक"),
    "shortcut": ("shortcut", "शॉर्टकट"),
    "params": ("{p:,} parameters", "{p:,} पैरामीटर"),
    "block_total": ("one block: {p:,}", "एक ब्लॉक: {p:,}"),
}


def count(*modules):
    return sum(p.numel() for m in modules for p in m.parameters())


def measured(page):
    """Each part's output shape for a batch of (b, t) token IDs, written with b and t."""
    model, cfg = page["model"], page["GPT_CONFIG_124M"]
    b, t = 2, cfg["context_length"]
    shapes, block = {}, model.blocks[0]
    parts = {"emb": model.tok_emb, "norm": block.norm1, "att": block.att, "ff": block.ff,
             "block": block, "final": model.final_norm, "head": model.out_head}

    def recorder(key):
        def record(_module, _inputs, out):  # returns None: the output passes on unchanged
            shapes.setdefault(key, tuple(out.shape))
        return record

    hooks = [m.register_forward_hook(recorder(k)) for k, m in parts.items()]
    with torch.device("meta"):
        model(torch.zeros(b, t, dtype=torch.long))
    for h in hooks:
        h.remove()
    names = {b: "b", t: "t"}
    return {k: "(" + ", ".join(names.get(n, str(n)) for n in s) + ")" for k, s in shapes.items()}


def draw(lang):
    page = snippet_namespace("components/gpt2_on_meta.py")
    model, cfg = page["model"], page["GPT_CONFIG_124M"]
    block, n = model.blocks[0], cfg["n_layers"]
    shape = measured(page)
    tied = model.out_head.weight is model.tok_emb.weight   # the snippet ties them at the end
    head = cfg["vocab_size"] * cfg["emb_dim"]               # the untied head, as the formula counts it
    rows = [  # (key, text, parameters, colour, shape after it, inside the block)
        ("ids", label(LABELS, "ids", lang), None, GREY, "(b, t)", False),
        ("emb", label(LABELS, "emb", lang), count(model.tok_emb, model.pos_emb), BLUE, shape["emb"], False),
        ("norm1", label(LABELS, "norm", lang), count(block.norm1), GREEN, shape["norm"], True),
        ("att", label(LABELS, "att", lang).format(h=cfg["n_heads"]), count(block.att), GREEN, shape["att"], True),
        ("norm2", label(LABELS, "norm", lang), count(block.norm2), GREEN, shape["norm"], True),
        ("ff", label(LABELS, "ff", lang), count(block.ff), GREEN, shape["ff"], True),
        ("final", label(LABELS, "final", lang), count(model.final_norm), BLUE, shape["final"], False),
        ("head", label(LABELS, "head", lang), head, ORANGE, shape["head"], False),
    ]
    parts = count(model.tok_emb, model.pos_emb) + n * count(block) + count(model.final_norm) + head
    assert parts == page["count"](model) + head * tied, f"the boxes add up to {parts:,}"

    fig, ax = plt.subplots(figsize=(7.2, 7.8))
    fig.subplots_adjust(left=0.01, right=0.99, bottom=0.01, top=0.99)
    ax.set_xlim(0, 10)
    ax.set_ylim(-0.9, 2 * len(rows) + 0.6)
    ax.axis("off")
    x0, width, step = 1.2, 4.6, 2.0
    ys = {}
    for i, (key, text, params, colour, out_shape, inside) in enumerate(rows):
        y = 2 * len(rows) - 1 - step * i
        ys[key] = y
        ax.add_patch(FancyBboxPatch((x0, y - 0.45), width, 0.9, boxstyle="round,pad=0.02,rounding_size=0.15",
                                    facecolor="white", edgecolor=colour, linewidth=1.6))
        ax.text(x0 + width / 2, y + (0.14 if params is not None else 0), text, ha="center", va="center", color=INK,
                fontsize=10.5)
        if params is not None:
            ax.text(x0 + width / 2, y - 0.22, label(LABELS, "params", lang).format(p=params),
                    ha="center", va="center", color=GREY, fontsize=9)
        # the arrow down to the next box, labelled with the shape of what flows along it
        y_next = y - step
        ax.annotate("", xy=(x0 + width / 2, y_next + 0.47), xytext=(x0 + width / 2, y - 0.47),
                    arrowprops=dict(arrowstyle="->", color=GREY, linewidth=1.2))
        ax.text(x0 + width / 2 + 0.15, y - 1.05, out_shape if key != "head" else "", ha="left",
                va="center", color=INK, fontsize=9.5, family="monospace")
    # the logits at the bottom
    y_end = ys["head"] - step
    ax.text(x0 + width / 2, y_end + 0.3, f"{label(LABELS, 'logits', lang)}  {shape['head']}",
            ha="center", va="center", color=INK, fontsize=10.5, family="monospace")
    # the shortcuts: from above each LayerNorm to a "+" after attention and after feed-forward
    for start, end in (("norm1", "att"), ("norm2", "ff")):
        ya, yb = ys[start] + 0.72, ys[end] - 0.72
        xs = x0 + width + 0.35
        ax.plot([x0 + width / 2, xs, xs], [ya, ya, yb], color=GREEN, linewidth=1.2)
        ax.annotate("", xy=(x0 + width / 2 + 0.17, yb), xytext=(xs, yb),
                    arrowprops=dict(arrowstyle="->", color=GREEN, linewidth=1.2))
        ax.plot([x0 + width / 2], [yb], "o", markersize=13, markerfacecolor="white", markeredgecolor=GREEN,
                markeredgewidth=1.2)   # a marker stays round whatever the axes' aspect
        ax.text(x0 + width / 2, yb, "+", ha="center", va="center", color=GREEN, fontsize=11, fontweight="bold")
        ax.text(xs + 0.12, (ya + yb) / 2, label(LABELS, "shortcut", lang), ha="left", va="center",
                color=GREEN, fontsize=9.5)
    # the bracket around the repeated block
    top, bottom = ys["norm1"] + 0.85, ys["ff"] - 0.9
    xb = 7.5
    ax.plot([xb - 0.2, xb, xb, xb - 0.2], [top, top, bottom, bottom], color=GREEN, linewidth=1.4)
    ax.text(xb + 0.15, (top + bottom) / 2 + 0.3, label(LABELS, "repeat", lang).format(n=n), ha="left",
            va="center", color=INK, fontsize=11, fontweight="bold")
    ax.text(xb + 0.15, (top + bottom) / 2 - 0.3, label(LABELS, "block_total", lang).format(p=count(block)),
            ha="left", va="center", color=GREY, fontsize=8.5)
    return fig


def figures():
    return {f"components_dataflow.{lang}.svg": svg(draw, lang) for lang in LANGS}
