import math

import torch
import torch.nn as nn

torch.manual_seed(0)
layer = nn.Linear(10, 5)                  # PyTorch's default: uniform in ±1/sqrt(fan-in)
print(f"1/sqrt(10) = {1 / math.sqrt(10):.4f}, largest |weight| = {layer.weight.abs().max().item():.4f}")
big = nn.Linear(100, 100)                 # 10000 weights, to measure their standard deviation
print(f"nn.Linear: standard deviation times sqrt(fan-in) = {big.weight.std().item() * 10:.3f}, "
      f"1/sqrt(3) = {1 / math.sqrt(3):.3f}")
sums = torch.randn(10000, 100).sum(dim=1)  # 10000 sums of 100 numbers of standard deviation 1
print(f"standard deviation of a sum of 100 numbers: {sums.std().item():.1f}, sqrt(100) = 10")

# 30 tanh layers of 100 units; weights drawn with standard deviation gain/sqrt(fan-in)
n, depth = 100, 30
x = torch.randn(64, n, dtype=torch.float64)
upstream = torch.randn(64, n, dtype=torch.float64)   # a fixed dL/dh for the last layer
print("             output std     size of dL/dh          size of dL/dW")
print(" gain           layer 30  layer 30  layer 1     layer 30  layer 1")
for gain in [0.5, 1 / math.sqrt(3), 1.0, 3.0]:
    torch.manual_seed(1)
    weights = [(torch.randn(n, n, dtype=torch.float64) * gain / math.sqrt(n)).requires_grad_()
               for _ in range(depth)]
    h = x
    outputs = []
    for W in weights:
        h = torch.tanh(h @ W.T)
        h.retain_grad()                    # keep dL/dh of this layer's output too
        outputs.append(h)
    (h * upstream).sum().backward()        # a loss whose gradient at the top is `upstream`
    sizes = [outputs[-1].grad.norm(), outputs[0].grad.norm(), weights[-1].grad.norm(), weights[0].grad.norm()]
    print(f"{gain:5.2f}  {h.std().item():17.1e}  {sizes[0]:8.1e}  {sizes[1]:7.1e}     {sizes[2]:8.1e}  {sizes[3]:7.1e}")
