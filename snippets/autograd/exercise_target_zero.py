import torch
import torch.nn.functional as F

x = torch.tensor([1.1])
y = torch.tensor([0.0])                        # the target is now 0
w = torch.tensor([2.2], requires_grad=True)
b = torch.tensor([0.0], requires_grad=True)

a = torch.sigmoid(x * w + b)
loss = F.binary_cross_entropy(a, y)            # now L = -ln(1 - a)
loss.backward()
print(f"a     = {a.item():.4f}")
print(f"L     = {loss.item():.4f}")
print(f"dL/dw = {w.grad.item():.4f}")
print(f"dL/db = {b.grad.item():.4f}")
