import torch
import torch.nn as nn

torch.manual_seed(0)
layer = nn.Linear(3, 2)          # 3 numbers in, 2 numbers out
print(layer.weight.shape)        # (out, in) = (2, 3)
print(layer.bias.shape)          # one bias per output

x = torch.randn(4, 3)            # a batch of 4 inputs, one per row
out = layer(x)
print(out.shape)                 # (4, 3) -> (4, 2)
print(torch.allclose(out, x @ layer.weight.T + layer.bias))   # x W^T + b
