import torch
import torch.nn as nn

torch.manual_seed(123)
fc1, fc2 = nn.Linear(10, 5), nn.Linear(5, 1)
X = torch.randn(4, 10)                          # a batch: 4 examples, one per row
Y = torch.tensor([[1.0], [0.0], [1.0], [0.0]])  # (4, 1)

Y_hat = torch.sigmoid(fc2(torch.relu(fc1(X))))
nn.BCELoss()(Y_hat, Y).backward()               # the loss is the mean over the 4 examples

# The formulas with rows as examples (PyTorch's convention): Z1 = X W1^T + b1
W1, b1, W2, b2 = fc1.weight, fc1.bias, fc2.weight, fc2.bias
with torch.no_grad():
    Z1 = X @ W1.T + b1                  # (4, 5)
    H = torch.relu(Z1)
    Delta2 = (Y_hat - Y) / len(X)       # (4, 1): one delta2 per example, divided by N for the mean
    Delta1 = (Delta2 @ W2) * (Z1 > 0)   # (4, 5): one delta1 per example
    by_hand = {"fc1.weight": Delta1.T @ X, "fc1.bias": Delta1.sum(dim=0),
               "fc2.weight": Delta2.T @ H, "fc2.bias": Delta2.sum(dim=0)}

for name, param in [("fc1.weight", W1), ("fc1.bias", b1), ("fc2.weight", W2), ("fc2.bias", b2)]:
    print(name, tuple(by_hand[name].shape), torch.allclose(param.grad, by_hand[name]))
