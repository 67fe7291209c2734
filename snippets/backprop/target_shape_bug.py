import textwrap

import torch
import torch.nn as nn

criterion = nn.BCELoss()
outputs = torch.sigmoid(torch.zeros(1, 1))   # shape (1, 1), like SimpleNet

labels = torch.tensor([1.0])                 # shape (1,): a bracket short
try:
    criterion(outputs, labels)
except ValueError as err:
    print(textwrap.fill(f"ValueError: {err}", width=60))   # wrap long lines

labels = torch.tensor([[1.0]])               # shape (1, 1): works
print(criterion(outputs, labels))
