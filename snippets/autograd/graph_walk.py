import torch
import torch.nn.functional as F

x = torch.tensor([1.1])
y = torch.tensor([1.0])
w = torch.tensor([2.2], requires_grad=True)
b = torch.tensor([0.0], requires_grad=True)
loss = F.binary_cross_entropy(torch.sigmoid(x * w + b), y)


def show(node, depth=0):
    """Print a node, then the nodes it passes the gradient on to."""
    label = type(node).__name__
    if hasattr(node, "variable"):     # a leaf: its gradient goes to .grad
        label += " (w)" if node.variable is w else " (b)"
    print("    " * depth + label)
    for next_node, _ in node.next_functions:
        if next_node is not None:     # None: x, which needs no gradient
            show(next_node, depth + 1)


show(loss.grad_fn)
