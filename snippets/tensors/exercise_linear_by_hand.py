import torch
import torch.nn as nn

torch.manual_seed(0)
layer = nn.Linear(3, 1)                  # weight (1, 3), bias (1,)
x = torch.randn(4, 3)                    # 4 inputs, one per row

by_matmul = x @ layer.weight.T + layer.bias                        # (4, 3) @ (3, 1) -> (4, 1)
by_elements = (x * layer.weight).sum(dim=1, keepdim=True) + layer.bias   # (4, 3) * (1, 3), row sums
print(by_matmul.shape, by_elements.shape)
print(torch.allclose(layer(x), by_matmul), torch.allclose(layer(x), by_elements))
