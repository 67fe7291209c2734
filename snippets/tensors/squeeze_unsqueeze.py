import torch
import torch.nn as nn

v = torch.tensor([1.0, 2.0, 3.0])        # (3,)
print(v.unsqueeze(0).shape)              # a new axis of size 1 in front: (1, 3), a row
print(v.unsqueeze(1).shape)              # a new axis at the end: (3, 1), a column
print(v[:, None].shape)                  # the same as unsqueeze(1), written as an index
print(torch.zeros(1, 3, 1).squeeze().shape)   # squeeze removes every axis of size 1
print(torch.zeros(1, 3, 1).squeeze(0).shape)  # squeeze(d) removes only axis d: (3, 1)

# The target-shape bug of the backpropagation chapter, fixed with unsqueeze:
outputs = torch.sigmoid(torch.zeros(1, 1))    # (1, 1), like the network's output
labels = torch.tensor([1.0])                  # (1,)
print(labels.unsqueeze(0).shape)              # (1, 1)
print(nn.BCELoss()(outputs, labels.unsqueeze(0)))
