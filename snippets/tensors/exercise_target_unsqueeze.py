import warnings

import torch
import torch.nn as nn

outputs = torch.tensor([[0.9], [0.2], [0.6]])   # (3, 1): one output per example
labels = torch.tensor([1.0, 0.0, 1.0])          # (3,)

print((outputs - labels).shape)                 # broadcasting: (3, 1) - (3,) -> (3, 3)!
fixed = labels.unsqueeze(1)                     # (3, 1)
print((outputs - fixed).shape)
print(outputs - fixed)

try:
    nn.BCELoss()(outputs, labels)               # refuses the two shapes
except ValueError:
    print("BCELoss with (3, 1) and (3,): ValueError")
with warnings.catch_warnings(record=True) as caught:   # collect warnings instead of showing them
    warnings.simplefilter("always")
    wrong = nn.MSELoss()(outputs, labels)       # only warns, and averages all 9 squared differences
print(f"MSELoss with (3, 1) and (3,): {wrong.item():.4f}, a {caught[0].category.__name__}")
squares = (outputs - labels) ** 2               # the 9 squared differences of the (3, 3) broadcast
print(f"their sum {squares.sum().item():.2f}, divided by {squares.numel()}: {squares.mean().item():.4f}")
print(f"MSELoss with (3, 1) and (3, 1): {nn.MSELoss()(outputs, fixed).item():.4f}")
