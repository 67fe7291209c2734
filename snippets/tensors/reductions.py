import torch

m = torch.tensor([[1.0, 2.0, 3.0],
                  [4.0, 5.0, 6.0]])                  # (2, 3)
print(m.sum())                                       # all six numbers: a rank-0 tensor
print(m.sum(dim=0))                                  # down the rows: one sum per column, (3,)
print(m.sum(dim=1))                                  # along each row: one sum per row, (2,)
print(m.sum(dim=1, keepdim=True).shape)              # keepdim keeps the summed axis with size 1
print(m.mean(dim=-1))                                # dim=-1: the last axis, here dim=1

logits = torch.tensor([[1.0, 2.0, 3.0],
                       [0.0, 0.0, 0.0]])
probs = torch.softmax(logits, dim=-1)                # softmax over each row
print(probs)
print(probs.sum(dim=-1))                             # every row sums to 1
print(m / m.sum(dim=1, keepdim=True))                # (2, 3) / (2, 1): each row by its own sum
