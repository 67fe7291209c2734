import torch
import torch.nn.functional as F

x, y = torch.tensor([1.1]), torch.tensor([1.0])
w = torch.tensor([2.2], requires_grad=True)
F.binary_cross_entropy(torch.sigmoid(x * w), y).backward()

try:
    w -= 1.0 * w.grad                          # no torch.no_grad() around the update
except RuntimeError as err:
    print("RuntimeError:", str(err).split(" is being")[0])
