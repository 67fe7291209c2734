import math

import torch
import torch.nn as nn

torch.manual_seed(0)
layer = nn.Linear(10, 5)                  # PyTorch's default: uniform in ±1/sqrt(fan-in)
print(f"1/sqrt(10) = {1 / math.sqrt(10):.4f}, largest |weight| = {layer.weight.abs().max().item():.4f}")

# 30 tanh layers of 100 units; weights drawn with standard deviation gain/sqrt(fan-in)
n, depth = 100, 30
x = torch.randn(64, n, dtype=torch.float64)
upstream = torch.randn(64, n, dtype=torch.float64)   # a fixed dL/dh for the last layer
for gain in [0.5, 1.0, 3.0]:
    torch.manual_seed(1)
    weights = [(torch.randn(n, n, dtype=torch.float64) * gain / math.sqrt(n)).requires_grad_()
               for _ in range(depth)]
    h = x
    for W in weights:
        h = torch.tanh(h @ W.T)
    (h * upstream).sum().backward()        # a loss whose gradient at the top is `upstream`
    first, last = weights[0].grad.norm().item(), weights[-1].grad.norm().item()
    print(f"gain {gain}: std of layer {depth}'s output {h.std().item():.1e}; gradient size "
          f"at layer 1 {first:.1e}, at layer {depth} {last:.1e}, ratio {first / last:.1e}")
