import torch

a = torch.tensor([[1, 2, 3],
                  [4, 5, 6]])        # (2, 3)
b = torch.tensor([[7, 8, 9]])       # (1, 3)

# cat joins along an existing dimension: the other sizes must match
print(torch.cat([a, b], dim=0))     # (2, 3) and (1, 3) -> (3, 3): one more row
print(torch.cat([a, a], dim=1).shape)

# stack adds a new dimension: every tensor must have the same shape
x, y = torch.tensor([1, 2, 3]), torch.tensor([4, 5, 6])
print(torch.stack([x, y]))          # two (3,) -> (2, 3)
print(torch.stack([x, y], dim=1).shape)

try:
    torch.stack([a, b])             # (2, 3) and (1, 3): not the same shape
except RuntimeError as error:
    print("RuntimeError:", error)
