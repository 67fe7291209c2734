import torch
from torch.autograd.functional import jacobian

W = torch.tensor([[1.0, 2.0, 0.0],
                  [0.0, -1.0, 3.0]])        # y = W x: 3 numbers in, 2 out
x = torch.tensor([1.0, 1.0, 2.0], requires_grad=True)

print(jacobian(lambda v: W @ v, x))        # dy_i/dx_j: the Jacobian of W x is W itself

y = W @ x
g = torch.tensor([0.5, -1.0])              # dL/dy, arriving from above
y.backward(g)                              # backward() takes dL/dy for a non-scalar y
print(x.grad)                              # dL/dx
print(W.T @ g)                             # = W^T (dL/dy)
