import torch

tensor2d = torch.tensor([[1, 2, 3],
                         [4, 5, 6]])
print(tensor2d.T)                       # transpose: rows become columns
print(tensor2d.T.shape)

product = tensor2d.matmul(tensor2d.T)   # (2, 3) @ (3, 2) -> (2, 2)
print(product)
print(torch.equal(product, tensor2d @ tensor2d.T))
