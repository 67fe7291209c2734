import torch
import torch.nn.functional as F

x, y = torch.tensor([1.1]), torch.tensor([1.0])
w = torch.tensor([2.2], requires_grad=True)
b = torch.tensor([0.0], requires_grad=True)

for call in range(1, 4):
    F.binary_cross_entropy(torch.sigmoid(x * w + b), y).backward()
    print(f"after {call} backward():", w.grad)
