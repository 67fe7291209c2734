import torch

logits = torch.tensor([[1.0, 2.0, 3.0],
                       [0.0, 0.0, 0.0]])
wrong = torch.softmax(logits, dim=0)     # over the rows: down each column
print(wrong)
print(wrong.sum(dim=0))                  # each column sums to 1...
print(wrong.sum(dim=-1))                 # ...the rows do not
