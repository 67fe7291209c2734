"""The autograd page's `Value` class (snippets/autograd/value.py) computes what PyTorch computes.

Checked on the worked example (the page's -0.0898 and -0.0817, which the page's own block
prints: the doc tests compare that), on an expression in which values are used more than once,
where the gradients of the paths must add, and on a neuron's tanh and ReLU (one unit on, one
off). A copy of the class that overwrites `.grad` instead of
adding to it is planted to show that the checks with values used twice fail. The tiny MLP of
snippets/autograd/value_mlp.py gets the loss and the 41 gradients that PyTorch gets.
"""
import json
import math
from pathlib import Path

import pytest

from tools.page import ROOT
from tools.doctests import run_code
from helpers import printed_in_a_process

SNIPPET = ROOT / "snippets" / "autograd" / "value.py"


def load(source: str) -> dict:
    """Run the snippet's code (it prints the worked example) and return its namespace."""
    namespace = {"__name__": "value_snippet"}
    run_code(source, str(SNIPPET), namespace=namespace)
    return namespace


def worked_example(Value, sigmoid, log, leaf):
    x, w, b = Value(1.1), leaf(2.2), leaf(0.0)
    loss = -log(sigmoid(x * w + b))
    return loss, (w, b)


def used_twice(Value, sigmoid, log, leaf):
    """u feeds three operations and w two: L = ln(σ(u·u + u)) + w·u·w, u = 0.7·w + 0.3."""
    w = leaf(0.4)
    u = w * 0.7 + 0.3
    loss = log(sigmoid(u * u + u)) + w * u * w
    return loss, (w,)


def tanh_and_relu(Value, sigmoid, log, leaf):
    """L = tanh(ReLU(1.5w - 0.2) - ReLU(0.3 - w)) · w at w = 0.4: the first ReLU passes, the second is off."""
    w = leaf(0.4)
    loss = ((w * 1.5 - 0.2).relu() - (w * -1.0 + 0.3).relu()).tanh() * w
    return loss, (w,)


EXAMPLES = [worked_example, used_twice, tanh_and_relu]


def gradients(Value, example):
    loss, leaves = example(Value, lambda v: v.sigmoid(), lambda v: v.log(), Value)
    loss.backward()
    return loss.data, [leaf.grad for leaf in leaves]


def torch_gradients(example):
    import torch

    def leaf(v):
        return torch.tensor(v, dtype=torch.float64, requires_grad=True)
    loss, leaves = example(lambda v: torch.tensor(v, dtype=torch.float64), torch.sigmoid, torch.log, leaf)
    loss.backward()
    return loss.item(), [leaf.grad.item() for leaf in leaves]


def mlp():
    ns = load(SNIPPET.read_text(encoding="utf-8") + (SNIPPET.parent / "value_mlp.py").read_text(encoding="utf-8"))
    return ns["model"], ns["xs"], ns["ys"]


def torch_mlp_gradients():
    """The tiny MLP's loss and gradients, in PyTorch, from the same starting weights."""
    import torch

    model, xs, ys = mlp()
    leaves = iter([torch.tensor(p.data, dtype=torch.float64, requires_grad=True) for p in model.parameters()])
    layers = [[([next(leaves) for _ in n.w], next(leaves)) for n in layer] for layer in model.layers]

    def forward(x):
        h = [torch.tensor(v, dtype=torch.float64) for v in x]
        for layer in layers:
            h = [torch.tanh(sum(w * hi for w, hi in zip(ws, h)) + b) for ws, b in layer]
        return h[0]

    loss = sum((forward(x) - y) ** 2 for x, y in zip(xs, ys)) / len(xs)
    loss.backward()
    return loss.item(), [t.grad.item() for layer in layers for ws, b in layer for t in [*ws, b]]


def pytorch(folder):
    """What PyTorch computes for EXAMPLES and the MLP (this file's __main__), in the background,
    kept while this file, the snippets and torch stay the same."""
    return json.loads(printed_in_a_process(__file__, reads=(Path(__file__), SNIPPET, SNIPPET.parent / "value_mlp.py")))


EARLY = [pytorch]


def mismatches(Value, theirs: dict):
    found = []
    for example in EXAMPLES:
        ours = gradients(Value, example)
        values = [ours[0], *ours[1]], theirs[example.__name__]
        if not all(math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12) for a, b in zip(*values)):
            found.append(f"{example.__name__}: Value gives {values[0]}, PyTorch {values[1]}")
    return found


def test_value_matches_pytorch(early):
    assert mismatches(load(SNIPPET.read_text(encoding="utf-8"))["Value"], early(pytorch)) == []


def test_a_value_that_overwrites_grad_fails_the_check(early):
    source = SNIPPET.read_text(encoding="utf-8")
    planted = source.replace("parent.grad += local * v.grad", "parent.grad = local * v.grad")
    assert planted != source, "the planted fault no longer applies to value.py: update this test"
    found = mismatches(load(planted)["Value"], early(pytorch))
    assert [f.split(":")[0] for f in found] == ["used_twice", "tanh_and_relu"], found


def test_the_tiny_mlp_matches_pytorch(early):
    model, xs, ys = mlp()
    params = model.parameters()
    outs = [model(x) for x in xs]
    loss = sum((o - y) * (o - y) for o, y in zip(outs, ys)) * (1 / len(xs))
    for p in params:
        p.grad = 0.0
    loss.backward()
    torch_loss, torch_grads = early(pytorch)["mlp"]
    assert len(params) == len(torch_grads) == 41
    assert math.isclose(loss.data, torch_loss, rel_tol=1e-12)
    assert all(math.isclose(p.grad, g, rel_tol=1e-9, abs_tol=1e-12) for p, g in zip(params, torch_grads))


@pytest.mark.parametrize("example", EXAMPLES)
def test_the_examples_have_gradients_to_compare(example, early):
    _, *grads = early(pytorch)[example.__name__]
    assert grads and all(abs(g) > 1e-3 for g in grads), "an example whose gradients are 0 checks nothing"


if __name__ == "__main__":  # pytorch(): PyTorch's side of the comparisons, as JSON
    print(json.dumps({**{e.__name__: [loss, *grads] for e in EXAMPLES for loss, grads in [torch_gradients(e)]},
                      "mlp": torch_mlp_gradients()}))
