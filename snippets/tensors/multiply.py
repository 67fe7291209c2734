import torch

A = torch.tensor([[1, 2],
                  [3, 4]])
B = torch.tensor([[10, 20],
                  [30, 40]])
print(A * B)     # element by element: 1*10, 2*20, 3*30, 4*40
print(A @ B)     # matrix product: row of A times column of B, summed
