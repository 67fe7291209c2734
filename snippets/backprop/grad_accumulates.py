import textwrap

import torch
import torch.nn.functional as F

x, y = torch.tensor([1.1]), torch.tensor([1.0])
w = torch.tensor([2.2], requires_grad=True)
b = torch.tensor([0.0], requires_grad=True)
optimizer = torch.optim.SGD([w, b], lr=0.01)


def loss_fn():
    return F.binary_cross_entropy(torch.sigmoid(x * w + b), y)


loss_fn().backward()
print("after one backward():   ", w.grad)
loss_fn().backward()                   # ADDS the new gradient to .grad
print("after two backward():   ", w.grad)
optimizer.zero_grad()                  # clears .grad before the next step
print("after zero_grad():      ", w.grad)

loss = loss_fn()
loss.backward()
try:
    loss.backward()                    # the same loss again: its saved tensors are gone
except RuntimeError as err:
    print(textwrap.fill(f"RuntimeError: {err}", width=60))   # wrap long lines
