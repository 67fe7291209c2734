"""Figure: the tiny model's train and validation loss over its 600 steps, with ln V drawn in.

Runs the page's training block (text.py, model.py, batches.py, training.py, one after the
other as the page's block includes them; seeded: the same run every time) and plots the
losses it recorded: `train_losses` (one per step, the loss of that step's batch),
`train_text_losses` (on the whole training text) and `val_losses` (on the validation text),
both measured before training and every 25 steps.
Files: docs/assets/figures/train_losses.en.svg and .hi.svg.
"""
import math

import matplotlib.pyplot as plt

from tools.figures import BLUE, GREEN, GREY, INK, LANGS, ORANGE, label, snippet_namespace, svg

LABELS = {
    "x": ("training step", "ट्रेनिंग का क़दम"),
    "y": ("loss (cross-entropy)", "लॉस (क्रॉस-एंट्रॉपी)"),
    "train": ("train loss (each step's batch)", "ट्रेनिंग लॉस (हर क़दम का बैच)"),
    "train_text": ("loss on the whole training text", "पूरे ट्रेनिंग टेक्स्ट पर लॉस"),
    "val": ("validation loss", "वैलिडेशन लॉस"),
    "lnV": ("ln V = ln {V} = {lnV:.3f}: the uniform guess", "ln V = ln {V} = {lnV:.3f}: एक-समान अनुमान"),
}


def draw(lang):
    page = snippet_namespace("train/text.py", "train/model.py", "train/batches.py", "train/training.py")
    train, val, V = page["train_losses"], page["val_losses"], len(page["chars"])
    train_text = page["train_text_losses"]
    fig, ax = plt.subplots(figsize=(7, 3.6))
    fig.subplots_adjust(left=0.08, right=0.97, bottom=0.15, top=0.88)
    ax.axhline(math.log(V), color=GREY, linewidth=1, linestyle=(0, (4, 3)))
    ax.text(len(train), math.log(V) + 0.08, label(LABELS, "lnV", lang).format(V=V, lnV=math.log(V)),
            ha="right", va="bottom", color=INK)
    ax.plot(range(1, len(train) + 1), train, color=BLUE, linewidth=1, label=label(LABELS, "train", lang))
    ax.plot(list(train_text), list(train_text.values()), "s-", color=GREEN, markersize=4,
            label=label(LABELS, "train_text", lang))
    ax.plot(list(val), list(val.values()), "o-", color=ORANGE, markersize=5, label=label(LABELS, "val", lang))
    ax.set_xlim(0, len(train) + 5)
    ax.set_ylim(0, 4.2)
    ax.set_xlabel(label(LABELS, "x", lang))
    ax.text(0, 1.04, label(LABELS, "y", lang), transform=ax.transAxes, ha="left", va="bottom")
    ax.legend(loc="lower left", frameon=False)
    return fig


def figures():
    return {f"train_losses.{lang}.svg": svg(draw, lang) for lang in LANGS}
