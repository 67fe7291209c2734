import torch

scalar = torch.tensor(5)                        # rank 0: a single number
vector = torch.tensor([5, 1])                   # rank 1: a list of numbers
matrix = torch.tensor([[1, 3], [5, 2]])         # rank 2: rows and columns
tensor3d = torch.tensor([[[1, 2], [3, 4]],
                         [[5, 6], [7, 8]]])     # rank 3: a stack of matrices

for name, t in [("scalar", scalar), ("vector", vector), ("matrix", matrix), ("tensor3d", tensor3d)]:
    print(f"{name:8}  ndim={t.ndim}  shape={tuple(t.shape)}")
