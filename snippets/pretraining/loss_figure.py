"""Figure: the loss -ln p against the probability p given to the right token.

Drawn from uniform_guess_loss.py, the snippet on the page: its vocabulary size, its
probability 1/50257 and the loss F.cross_entropy computed mark the uniform guess.
Files: docs/assets/figures/pretraining_loss.en.svg and .hi.svg (see tools/figures.py).
"""
import matplotlib.pyplot as plt
import torch

from tools.figures import BLUE, GREY, INK, LANGS, ORANGE, label, power_of_ten, snippet_namespace, svg

LABELS = {
    "x": ("probability given to the right token, p (log scale)",
          "सही टोकन को दी गई प्रायिकता p (लॉग स्केल)"),
    "y": ("loss  L = −ln p", "लॉस  L = −ln p"),
    "uniform": ("uniform guess over {V:,} tokens:\np = 1/{V:,},  L = {L:.4f}",
                "{V:,} टोकनों पर एक-समान अनुमान:\np = 1/{V:,},  L = {L:.4f}"),
    "sure": ("sure and right:  p = 1,  L = 0", "पूरे भरोसे के साथ सही:  p = 1,  L = 0"),
}


def draw(lang):
    page = snippet_namespace("pretraining/uniform_guess_loss.py")
    V, p_uniform, L_uniform = page["vocab_size"], page["p"], page["loss"].item()

    p = torch.logspace(-5, 0, 101, dtype=torch.float64)
    fig, ax = plt.subplots(figsize=(7, 3.6))
    fig.subplots_adjust(left=0.08, right=0.97, bottom=0.16, top=0.88)
    ax.plot(p, -torch.log(p), color=BLUE)
    ax.set_xscale("log")
    ax.xaxis.set_major_formatter(plt.FuncFormatter(power_of_ten))
    ax.xaxis.set_minor_locator(plt.NullLocator())   # fewer ticks, a smaller file
    ax.set_xlim(1e-5, 1.6)
    ax.set_ylim(-1.6, 12.5)
    ax.set_xlabel(label(LABELS, "x", lang))
    ax.text(0, 1.04, label(LABELS, "y", lang), transform=ax.transAxes, ha="left", va="bottom")

    ax.plot([p_uniform], [L_uniform], "o", color=ORANGE, markersize=7)
    ax.axhline(L_uniform, color=ORANGE, linewidth=1, linestyle=(0, (4, 3)))
    # Multi-line text only left-aligned, single lines anchored: the browser's glyph widths
    # differ from matplotlib's measurement, and an anchor does not move with them.
    ax.text(3e-4, L_uniform - 0.5, label(LABELS, "uniform", lang).format(V=V, L=L_uniform),
            ha="left", va="top", color=INK)
    ax.plot([1], [0], "o", color=GREY, markersize=6)
    ax.text(0.8, -0.35, label(LABELS, "sure", lang), ha="right", va="top", color=INK)
    return fig


def figures():
    return {f"pretraining_loss.{lang}.svg": svg(draw, lang) for lang in LANGS}
