import torch

m = torch.arange(12).reshape(3, 4)
print(m)
print(m[0])          # row 0: one index removes one dimension
print(m[1, 2])       # row 1, column 2: a rank-0 tensor
print(m[:, 1])       # column 1 of every row (":" means "all")
print(m[0:2, 1:3])   # rows 0-1, columns 1-2 (the end is left out, as in Python)
print(m[-1])         # the last row
print(m[1, 2].item())  # .item(): the one number of a tensor, as a Python number
