"""Figure: the error of the central difference against the step h, in float64 and float32,
next to autograd's error.

Drawn with autograd_vs_finite_differences.py's own f, x0 and exact derivative (the
snippet on the page runs first), for its 49 step sizes from 10⁻¹³ to 10⁻¹;
the four it prints one by one are circled. Files: docs/assets/figures/backprop_finite_difference.en.svg
and .hi.svg.
"""
import matplotlib.pyplot as plt
import torch

from tools.figures import BLUE, INK, LANGS, ORANGE, label, power_of_ten, snippet_namespace, svg

LABELS = {
    "x": ("step size h", "क़दम का आकार h"),
    "y": ("error  |estimate − f′(1.1)|", "त्रुटि  |अनुमान − f′(1.1)|"),
    "difference": ("central difference, {dtype}", "केंद्रीय अंतर, {dtype}"),
    "autograd": ("autograd, {dtype}", "ऑटोग्रैड, {dtype}"),
    "exact": ("autograd, float64: error exactly 0 (drawn on the floor)",
              "ऑटोग्रैड, float64: त्रुटि ठीक 0 (नीचे की सीमा पर)"),
}
COLOURS = {torch.float64: BLUE, torch.float32: ORANGE}
BOTTOM = 1e-17   # the axis' floor: an error of exactly 0 is drawn on it


def errors(page, dtype, steps):
    """(autograd's error, the central difference's error for each step), as the page computes them."""
    f, exact = page["f"], page["exact"]
    x = torch.tensor(page["x0"], dtype=dtype, requires_grad=True)
    f(x).backward()
    with torch.no_grad():
        return (abs(x.grad.item() - exact),
                [abs(((f(x + h) - f(x - h)) / (2 * h)).item() - exact) for h in steps])


def draw(lang):
    page = snippet_namespace("backprop/autograd_vs_finite_differences.py")
    steps, page_steps = page["many_steps"], page["steps"]   # 10⁻¹³ ... 10⁻¹, four per decade; the printed four

    fig, ax = plt.subplots(figsize=(7, 3.8))
    fig.subplots_adjust(left=0.1, right=0.97, bottom=0.14, top=0.9)
    ax.set_xscale("log")
    ax.set_yscale("log")
    for dtype, y_text in [(torch.float64, 3e-11), (torch.float32, 2e-2)]:
        name, colour = str(dtype).removeprefix("torch."), COLOURS[dtype]
        by_autograd, by_difference = errors(page, dtype, steps)
        ax.plot(steps, [max(e, BOTTOM) for e in by_difference], color=colour)
        ax.plot(page_steps, [max(e, BOTTOM) for e in errors(page, dtype, page_steps)[1]], "o",
                markerfacecolor="none", markeredgecolor=INK, markersize=8)
        ax.text(2e-13, y_text, label(LABELS, "difference", lang).format(dtype=name), color=colour,
                ha="left", va="bottom")
        if by_autograd > 0:
            ax.axhline(by_autograd, color=colour, linewidth=1.5, linestyle=(0, (5, 3)))
            ax.text(1e-8, by_autograd * 2, label(LABELS, "autograd", lang).format(dtype=name),
                    color=colour, ha="left", va="bottom")
        else:
            ax.axhline(BOTTOM, color=colour, linewidth=3, linestyle=(0, (5, 3)), clip_on=False)
            ax.text(2e-13, BOTTOM * 2.5, label(LABELS, "exact", lang), color=colour, ha="left", va="bottom")
    ax.set_xlim(1e-13, 1e-1)
    ax.set_ylim(BOTTOM, 1e2)
    ax.xaxis.set_major_formatter(plt.FuncFormatter(power_of_ten))
    ax.yaxis.set_major_formatter(plt.FuncFormatter(power_of_ten))
    ax.set_yticks([10.0 ** k for k in range(-16, 1, 4)])
    ax.set_xlabel(label(LABELS, "x", lang))
    ax.text(0, 1.03, label(LABELS, "y", lang), transform=ax.transAxes, ha="left", va="bottom")
    return fig


def figures():
    return {f"backprop_finite_difference.{lang}.svg": svg(draw, lang) for lang in LANGS}
