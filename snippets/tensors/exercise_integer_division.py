import torch

ints = torch.tensor([1, 2, 3])   # torch.int64, as in dtypes.py

for name, result in [("ints / 2", ints / 2), ("ints // 2", ints // 2), ("ints * 1.5", ints * 1.5)]:
    print(f"{name:10}  {result}  {result.dtype}")
