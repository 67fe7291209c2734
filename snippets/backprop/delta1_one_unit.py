import torch
import torch.nn as nn

torch.manual_seed(123)             # as in SimpleNet: the same numbers
fc1, fc2 = nn.Linear(10, 5), nn.Linear(5, 1)
inputs = torch.randn(1, 10)
labels = torch.tensor([[1.0]])

z1 = fc1(inputs)                                   # (1, 5)
outputs = torch.sigmoid(fc2(torch.relu(z1)))
nn.BCELoss()(outputs, labels).backward()

delta2 = (outputs - labels).item()                 # computed once...
W2 = fc2.weight.detach()
print(f"delta2 = {delta2:.4f}")
print(" j    z1_j  W2[0,j]  dL/dh_j relu'  delta1_j  b1 grad")
for j in range(5):
    dL_dh = delta2 * W2[0, j].item()               # ...and reused for every hidden unit
    relu_slope = 1.0 if z1[0, j] > 0 else 0.0
    print(f"{j:2} {z1[0, j].item():7.4f} {W2[0, j].item():8.4f} {dL_dh:8.4f} {relu_slope:5.0f}"
          f" {dL_dh * relu_slope:9.4f} {fc1.bias.grad[j].item():8.4f}")
