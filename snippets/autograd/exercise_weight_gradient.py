import torch

W = torch.tensor([[1.0, 2.0, 0.0],
                  [0.0, -1.0, 3.0]], requires_grad=True)
x = torch.tensor([1.0, 1.0, 2.0])
g = torch.tensor([0.5, -1.0])              # dL/dy, as on the page

(W @ x).backward(g)
print(W.grad)                              # dL/dW_ij = g_i x_j
print(torch.outer(g, x))                   # g x^T: an outer product, (2,) and (3,) -> (2, 3)
