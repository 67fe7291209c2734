"""Figure: SimpleNet's loss over 300 training steps.

Runs simple_net.py, the snippet on the page (seeded: the same weights and input every
run), which takes step 1 and prints its loss, 0.7376; then repeats the page's steps 2 to 5
(zero_grad, forward, loss, backward, step) on the same example 299 more times.
Files: docs/assets/figures/backprop_training.en.svg and .hi.svg.
"""
import matplotlib.pyplot as plt

from tools.figures import BLUE, INK, LANGS, label, snippet_namespace, svg

STEPS = 300
LABELS = {
    "x": ("training step", "ट्रेनिंग का क़दम"),
    "y": ("loss (binary cross-entropy)", "लॉस (बाइनरी क्रॉस-एंट्रॉपी)"),
    "first": ("step 1, as printed above: {loss:.4f}", "क़दम 1 (ऊपर छपा मान): {loss:.4f}"),
    "last": ("step {step}: {loss:.4f}", "क़दम {step}: {loss:.4f}"),
}


def losses():
    page = snippet_namespace("backprop/simple_net.py")
    net, criterion, optimizer = page["net"], page["criterion"], page["optimizer"]
    inputs, labels = page["inputs"], page["labels"]
    history = [page["loss"].item()]
    for _ in range(STEPS - 1):
        optimizer.zero_grad()
        loss = criterion(net(inputs), labels)
        loss.backward()
        optimizer.step()
        history.append(loss.item())
    return history


def draw(lang):
    history = losses()
    steps = range(1, len(history) + 1)
    fig, ax = plt.subplots(figsize=(7, 3.2))
    fig.subplots_adjust(left=0.09, right=0.97, bottom=0.16, top=0.88)
    ax.plot(steps, history, color=BLUE)
    ax.plot([1, len(history)], [history[0], history[-1]], "o", color=INK, markersize=5)
    ax.text(8, history[0], label(LABELS, "first", lang).format(loss=history[0]), ha="left", va="center")
    ax.text(len(history), history[-1] + 0.05, label(LABELS, "last", lang).format(step=len(history), loss=history[-1]),
            ha="right", va="bottom")
    ax.set_xlim(0, len(history) + 5)
    ax.set_ylim(0, 0.8)
    ax.set_xlabel(label(LABELS, "x", lang))
    ax.text(0, 1.04, label(LABELS, "y", lang), transform=ax.transAxes, ha="left", va="bottom")
    return fig


def figures():
    return {f"backprop_training.{lang}.svg": svg(draw, lang) for lang in LANGS}
