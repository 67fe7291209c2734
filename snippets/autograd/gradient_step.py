import torch
import torch.nn.functional as F

x, y = torch.tensor([1.1]), torch.tensor([1.0])
w = torch.tensor([2.2], requires_grad=True)
b = torch.tensor([0.0], requires_grad=True)
lr = 1.0                                       # the learning rate: the size of the step

loss = F.binary_cross_entropy(torch.sigmoid(x * w + b), y)
loss.backward()
print(f"L before: {loss.item():.4f}")

with torch.no_grad():                          # the update itself must not be recorded
    w -= lr * w.grad                           # a step against the gradient
    b -= lr * b.grad
print(f"w = {w.item():.4f}, b = {b.item():.4f}")

loss = F.binary_cross_entropy(torch.sigmoid(x * w + b), y)
print(f"L after:  {loss.item():.4f}")
