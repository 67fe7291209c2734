import torch
from torch import nn

torch.manual_seed(123)
d, depth = 768, 12
layers = [nn.Linear(d, d) for _ in range(depth)]
for layer in layers:                                  # small random weights
    nn.init.normal_(layer.weight, std=0.005)
    nn.init.zeros_(layer.bias)
x = torch.randn(1, d)

with torch.no_grad():
    plain, shortcut = x, x
    for layer in layers:
        plain = layer(plain)                          # each layer replaces the vector
        shortcut = shortcut + layer(shortcut)         # each layer adds a change to the vector
print(f"size of the input vector:          {x.norm().item():.2f}")
print(f"after 12 layers, no shortcut:      {plain.norm().item():.2e}")
print(f"after 12 layers, with shortcuts:   {shortcut.norm().item():.2f}")
