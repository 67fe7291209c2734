import torch
import torch.nn as nn

torch.manual_seed(123)
net = nn.Sequential(nn.Linear(10, 5), nn.ReLU(), nn.Linear(5, 1), nn.Sigmoid())
X = torch.randn(2, 10)
Y = torch.tensor([[1.0], [0.0]])


def gradient_of_fc2_bias(inputs, targets):
    net.zero_grad()
    nn.BCELoss()(net(inputs), targets).backward()
    return net[2].bias.grad.item()


batch = gradient_of_fc2_bias(X, Y)
one, two = gradient_of_fc2_bias(X[:1], Y[:1]), gradient_of_fc2_bias(X[1:], Y[1:])
print(f"example 1: {one:.4f}, example 2: {two:.4f}, their mean: {(one + two) / 2:.4f}")
print(f"batch of both: {batch:.4f}")
