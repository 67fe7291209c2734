import torch

w = torch.tensor(3.0, requires_grad=True)
q = 2 * w                    # path 1: dq/dw = 2
r = w * w                    # path 2: dr/dw = 2w = 6
L = q + r                    # L uses w through both paths
L.backward()
print("path 1:", 2.0, " path 2:", 2 * w.item())
print("dL/dw from autograd:", w.grad.item())   # the two paths added
