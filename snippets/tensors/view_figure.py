"""Figure: three tensors of reshape_view.py, one storage.

Drawn from the tensors that reshape_view.py (the snippet on the page) leaves after
`viewed[0] = 100`: tensor2d, reshaped and viewed. Each element is coloured by its place
in the storage they share (read from .storage_offset() and .stride()), so the same colour
and the same 100 show up in all three. Its text is code only, the same in both languages:
one file, docs/assets/figures/tensors_view.svg.
"""
import itertools

import matplotlib.pyplot as plt
from matplotlib.patches import Rectangle

from tools.figures import GREY, INK, snippet_namespace, svg

TINTS = ["#c5cae9", "#ffccbc", "#c8e6c9", "#fff59d", "#e1bee7", "#b2ebf2"]  # one per storage place
CELL = 1.0


def storage_index(t, index):
    return t.storage_offset() + sum(i * s for i, s in zip(index, t.stride()))


def grid(ax, t, x0, y0, name):
    """Draw tensor t (1-D or 2-D) with its top-left corner at (x0, y0), and its caption."""
    rows, cols = (1, t.shape[0]) if t.dim() == 1 else tuple(t.shape)
    for index in itertools.product(*(range(n) for n in t.shape)):
        r, c = (0, index[0]) if t.dim() == 1 else index
        place = storage_index(t, index)
        ax.add_patch(Rectangle((x0 + c * CELL, y0 - (r + 1) * CELL), CELL, CELL,
                               facecolor=TINTS[place], edgecolor=INK, linewidth=1))
        value = t[index].item()
        ax.text(x0 + (c + 0.5) * CELL, y0 - (r + 0.5) * CELL, f"{value}", ha="center", va="center",
                fontsize=11, fontweight="bold" if value == 100 else "normal")
    caption = [name, f".shape ({', '.join(map(str, t.shape))}{',' if t.dim() == 1 else ''})",
               f".stride() ({', '.join(map(str, t.stride()))}{',' if t.dim() == 1 else ''})"]
    ax.text(x0, y0 - rows * CELL - 0.35, "\n".join(caption), ha="left", va="top", fontsize=10)
    return cols


def draw():
    page = snippet_namespace("tensors/reshape_view.py")
    tensors = {"tensor2d": page["tensor2d"], "reshaped": page["reshaped"], "viewed": page["viewed"]}
    storage = page["tensor2d"].untyped_storage()
    for name, t in tensors.items():
        assert t.untyped_storage().data_ptr() == storage.data_ptr(), f"{name} does not share tensor2d's storage"

    fig, ax = plt.subplots(figsize=(7, 3.3))
    fig.subplots_adjust(left=0.01, right=0.99, bottom=0.01, top=0.99)
    ax.set_axis_off()
    ax.set_xlim(-0.3, 14.2)
    ax.set_ylim(-6.6, 1.2)

    flat = page["tensor2d"].flatten()  # the storage in order (tensor2d is contiguous)
    ax.text(flat.numel() * CELL + 0.3, 0, "tensor2d.untyped_storage()", ha="left", va="center", fontsize=10)
    for place in range(flat.numel()):
        ax.add_patch(Rectangle((place * CELL, -CELL + 0.5), CELL, CELL, facecolor=TINTS[place],
                               edgecolor=INK, linewidth=1))
        ax.text((place + 0.5) * CELL, 0.5 - CELL / 2, f"{flat[place].item()}", ha="center", va="center",
                fontsize=11, fontweight="bold" if flat[place].item() == 100 else "normal")
        ax.text((place + 0.5) * CELL, 0.8, f"[{place}]", ha="center", va="center", fontsize=8, color=GREY)

    x = 0.0
    for name, t in tensors.items():
        x += grid(ax, t, x, -1.6, name) * CELL + 1.0
    return fig


def figures():
    return {"tensors_view.svg": svg(draw)}
