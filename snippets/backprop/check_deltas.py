import torch
import torch.nn as nn

torch.manual_seed(123)             # as in SimpleNet: the same numbers
fc1, fc2 = nn.Linear(10, 5), nn.Linear(5, 1)
inputs = torch.randn(1, 10)
labels = torch.tensor([[1.0]])

# Forward and backward pass with autograd
outputs = torch.sigmoid(fc2(torch.relu(fc1(inputs))))
loss = nn.BCELoss()(outputs, labels)
loss.backward()

# The same gradients from the formulas, with column vectors as on this page
W1, b1, W2, b2 = fc1.weight, fc1.bias, fc2.weight, fc2.bias
with torch.no_grad():
    x, y = inputs.T, labels            # x: (10, 1)
    z1 = W1 @ x + b1[:, None]          # (5, 1)
    h = torch.relu(z1)
    z2 = W2 @ h + b2[:, None]          # (1, 1)
    y_hat = torch.sigmoid(z2)
    delta2 = y_hat - y                 # (1, 1)
    dW2, db2 = delta2 @ h.T, delta2[:, 0]
    delta1 = (W2.T @ delta2) * (z1 > 0)    # (5, 1)
    dW1, db1 = delta1 @ x.T, delta1[:, 0]

print(f"delta2 = {delta2.item():.4f}")
by_hand = {"fc1.weight": (W1, dW1), "fc1.bias": (b1, db1),
           "fc2.weight": (W2, dW2), "fc2.bias": (b2, db2)}
for name, (param, formula) in by_hand.items():
    print(name, torch.allclose(param.grad, formula))
