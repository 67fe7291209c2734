import textwrap

import torch
import torch.nn.functional as F

x, y = torch.tensor([1.1]), torch.tensor([1.0])
w = torch.tensor([2.2], requires_grad=True)
F.binary_cross_entropy(torch.sigmoid(x * w), y).backward()

try:
    w -= 1.0 * w.grad                          # no torch.no_grad() around the update
except RuntimeError as err:
    print(textwrap.fill(f"RuntimeError: {err}", width=60))   # wrap the long line
