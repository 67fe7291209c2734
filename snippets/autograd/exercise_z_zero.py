import torch
import torch.nn.functional as F

x = torch.tensor([1.1])
y = torch.tensor([1.0])
w = torch.tensor([2.2], requires_grad=True)
b = torch.tensor([-2.42], requires_grad=True)   # b = -xw, so that z = 0

a = torch.sigmoid(x * w + b)
loss = F.binary_cross_entropy(a, y)
loss.backward()
print(f"a     = {a.item():.4f}")
print(f"dL/dw = {w.grad.item():.4f}")
print(f"dL/db = {b.grad.item():.4f}")
