"""Draw the graphs of the worked example as SVG: docs/assets/figures/autograd_graph.svg
(PyTorch's nodes) and docs/assets/figures/autograd_value_graph.svg (the Value class's).

The figure is not drawn by hand. This module builds the example of the autograd page,
walks `loss.grad_fn` and its `next_functions` (as graph_walk.py on the page does), and
writes one box per node and one arrow per edge. tests/test_figures.py redraws it and fails
when a committed copy differs; `pytest --update-outputs` rewrites the copies.

The Value graph is drawn from the values value.py leaves after `L.backward()`: one box per
Value (its number and its .grad), one arrow from each value to each of its `parents`.

Text in the figures is language-neutral (autograd's names and formulas), so English and
Hindi pages show the same file.
"""
from html import escape

import torch
import torch.nn.functional as F

# What each node differentiates, in the page's notation (a new node type fails loudly).
FORMULAS = {
    "BinaryCrossEntropyBackward0": "L = BCE(a, y)",
    "SigmoidBackward0": "a = σ(z)",
    "AddBackward0": "z = xw + b",
    "MulBackward0": "xw",
}

BOX_W, BOX_H = 240, 52      # node box
SLOT_W, ROW_H = 260, 92     # horizontal slot per leaf, vertical step per level
MARGIN = 16


def example_graph():
    """Nodes (label, formula, depth, x slot) and edges (from, to) of the worked example."""
    x = torch.tensor([1.1])
    y = torch.tensor([1.0])
    w = torch.tensor([2.2], requires_grad=True)
    b = torch.tensor([0.0], requires_grad=True)
    loss = F.binary_cross_entropy(torch.sigmoid(x * w + b), y)
    leaves = {id(w): "w", id(b): "b"}

    nodes, edges, seen = [], [], {}
    next_leaf_slot = [0.0]

    def visit(fn, depth):
        """Add fn and everything it passes gradients to; return fn's index in nodes."""
        if id(fn) in seen:
            return seen[id(fn)]
        index = seen[id(fn)] = len(nodes)
        nodes.append(None)  # placeholder: the slot is known after the children
        kind = type(fn).__name__
        if hasattr(fn, "variable"):  # AccumulateGrad: stores the gradient of a leaf tensor
            name = leaves[id(fn.variable)]
            label, formula = f"{kind} ({name})", f"{name}.grad"
        else:
            label, formula = kind, FORMULAS[kind]
        children = [visit(nxt, depth + 1) for nxt, _ in fn.next_functions if nxt is not None]
        edges.extend((index, child) for child in children)
        if children:
            slot = sum(nodes[c]["slot"] for c in children) / len(children)
        else:
            slot, next_leaf_slot[0] = next_leaf_slot[0], next_leaf_slot[0] + 1
        nodes[index] = {"label": label, "formula": formula, "depth": depth, "slot": slot}
        return index

    visit(loss.grad_fn, 0)
    return nodes, edges


def num(v: float) -> str:
    return f"{v:g}"


def svg(nodes, edges) -> str:
    width = MARGIN * 2 + SLOT_W * (max(n["slot"] for n in nodes) + 1) - (SLOT_W - BOX_W)
    height = MARGIN * 2 + ROW_H * max(n["depth"] for n in nodes) + BOX_H

    def centre(n):
        return MARGIN + BOX_W / 2 + SLOT_W * n["slot"], MARGIN + BOX_H / 2 + ROW_H * n["depth"]

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{num(width)}" height="{num(height)}" '
        f'viewBox="0 0 {num(width)} {num(height)}" font-family="sans-serif">',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" '
        'markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#3f51b5"/>'
        '</marker></defs>',
        f'<rect width="{num(width)}" height="{num(height)}" fill="#ffffff"/>',
    ]
    for parent, child in edges:  # arrows first, boxes on top
        (x1, y1), (x2, y2) = centre(nodes[parent]), centre(nodes[child])
        out.append(f'<line x1="{num(x1)}" y1="{num(y1 + BOX_H / 2)}" x2="{num(x2)}" '
                   f'y2="{num(y2 - BOX_H / 2 - 1)}" stroke="#3f51b5" stroke-width="2" '
                   'marker-end="url(#arrow)"/>')
    for n in nodes:
        cx, cy = centre(n)
        leaf = n.get("leaf", n["label"].startswith("AccumulateGrad"))
        out += [
            f'<rect x="{num(cx - BOX_W / 2)}" y="{num(cy - BOX_H / 2)}" width="{BOX_W}" '
            f'height="{BOX_H}" rx="8" fill="{"#e8f5e9" if leaf else "#e8eaf6"}" '
            f'stroke="{"#2e7d32" if leaf else "#3f51b5"}" stroke-width="1.5"/>',
            f'<text x="{num(cx)}" y="{num(cy - 4)}" text-anchor="middle" font-size="14" '
            f'font-weight="bold" fill="#212121">{escape(n["label"])}</text>',
            f'<text x="{num(cx)}" y="{num(cy + 16)}" text-anchor="middle" font-size="14" '
            f'fill="#424242">{escape(n["formula"])}</text>',
        ]
    out.append("</svg>")
    return "\n".join(out) + "\n"


# The Value graph's nodes in the order visit() meets them (L = -(x * w + b).sigmoid().log()).
VALUE_NAMES = ["L = -1 · ln a", "ln a", "a = σ(z)", "z = xw + b", "xw", "x", "w", "b", ""]  # "": the constant -1


def value_graph():
    """Nodes and edges of the Value graph of the worked example, after L.backward()."""
    from tools.figures import snippet_namespace

    page = snippet_namespace("autograd/value.py")
    names = iter(VALUE_NAMES)
    nodes, edges, seen = [], [], {}
    next_leaf_slot = [0.0]

    def visit(v, depth):
        if id(v) in seen:
            return seen[id(v)]
        index = seen[id(v)] = len(nodes)
        nodes.append(None)
        name = next(names)       # before the parents: VALUE_NAMES is in the order values are met
        children = [visit(parent, depth + 1) for parent, _ in v.parents]
        edges.extend((index, child) for child in children)
        if children:
            slot = sum(nodes[c]["slot"] for c in children) / len(children)
        else:
            slot, next_leaf_slot[0] = next_leaf_slot[0], next_leaf_slot[0] + 1
        nodes[index] = {"label": f"{name} = {v.data:.4f}" if name else f"{v.data:.4f}", "formula": f"grad = {v.grad:.4f}",
                        "depth": depth, "slot": slot, "leaf": not v.parents}
        return index

    visit(page["L"], 0)
    if len(nodes) != len(VALUE_NAMES):
        raise ValueError(f"the Value graph has {len(nodes)} nodes, VALUE_NAMES names {len(VALUE_NAMES)}")
    return nodes, edges


def autograd_graph_svg() -> str:
    return svg(*example_graph())


def figures():
    """For tools/figures.py: the two files this drawer makes."""
    return {"autograd_graph.svg": autograd_graph_svg(), "autograd_value_graph.svg": svg(*value_graph())}
