import torch

tensor2d = torch.tensor([[1, 2, 3],
                         [4, 5, 6]])
product = tensor2d.T @ tensor2d        # (3, 2) @ (2, 3) -> (3, 3)
print(product.shape)
print(product)
