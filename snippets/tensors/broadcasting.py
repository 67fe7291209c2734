import torch

xW = torch.tensor([[1.0, 2.0, 3.0],
                   [4.0, 5.0, 6.0]])    # (2, 3): 2 examples, 3 units, as x @ W.T gives
b = torch.tensor([10.0, 20.0, 30.0])    # (3,): one bias per unit
print(xW + b)                           # b is added to every row: (2, 3) + (3,) -> (2, 3)

column = torch.tensor([[100.0], [200.0]])   # (2, 1)
print(xW + column)                      # the column is added to every column: -> (2, 3)

try:
    xW + torch.tensor([1.0, 2.0])       # (2, 3) + (2,): the last sizes are 3 and 2
except RuntimeError:
    print("(2, 3) + (2,): RuntimeError")
