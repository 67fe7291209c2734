"""Figure: the sigmoid σ(z) and its derivative σ′(z), with the worked example's z marked.

The derivative is not typed in: autograd computes it, as on the page (`backward()` on
σ(z) gives σ′(z) in z.grad). The marked point is hand_gradients.py's z, a = σ(z) and
da/dz = a(1 − a), the numbers the page prints. Its text is math only, the same in both
languages: one file, docs/assets/figures/autograd_sigmoid.svg.
"""
import matplotlib.pyplot as plt
import torch

from tools.figures import BLUE, GREY, ORANGE, snippet_namespace, svg


def draw():
    page = snippet_namespace("autograd/hand_gradients.py")
    z0, a0, slope0 = page["z"], page["a"], page["da_dz"]

    z = torch.linspace(-6, 6, 121, dtype=torch.float64, requires_grad=True)
    a = torch.sigmoid(z)
    a.sum().backward()  # each a_i depends on z_i only, so z.grad holds σ′(z_i)
    z, a, da_dz = z.detach(), a.detach(), z.grad

    fig, ax = plt.subplots(figsize=(7, 3.4))
    fig.subplots_adjust(left=0.08, right=0.97, bottom=0.14, top=0.97)
    ax.plot(z, a, color=BLUE)
    ax.plot(z, da_dz, color=ORANGE)
    ax.text(-5.8, 0.17, "σ′(z) = σ(z)(1 − σ(z))", color=ORANGE, ha="left", va="bottom")
    ax.text(-5.8, 0.93, "σ(z) = 1 / (1 + e⁻ᶻ)", color=BLUE, ha="left", va="top")
    ax.axvline(z0, color=GREY, linewidth=1, linestyle=(0, (4, 3)))
    ax.plot([z0, z0], [a0, slope0], "o", color="#212121", markersize=6)
    ax.text(z0 + 0.2, a0 - 0.03, f"σ({z0:.2f}) ≈ {a0:.4f}", ha="left", va="top")
    ax.text(z0 + 0.2, slope0 + 0.03, f"σ′({z0:.2f}) ≈ {slope0:.4f}", ha="left", va="bottom")
    ax.set_xlim(-6, 6)
    ax.set_ylim(-0.03, 1.05)
    ax.set_xlabel("z")
    return fig


def figures():
    return {"autograd_sigmoid.svg": svg(draw)}
