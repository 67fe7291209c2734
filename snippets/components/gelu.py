import torch
from torch import nn

x = torch.tensor([-3.0, -1.0, -0.5, 0.0, 0.5, 1.0, 3.0])
torch.set_printoptions(precision=4)
print("x:   ", x)
print("ReLU:", nn.ReLU()(x))    # max(0, x): a sharp corner at 0, every negative input gives 0
print("GELU:", nn.GELU()(x))    # x times the probability that a standard normal value is below x: smooth
