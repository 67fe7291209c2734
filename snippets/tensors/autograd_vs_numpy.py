import torch

# A NumPy array only stores numbers; a tensor can also record how it was computed.
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = (x ** 2).sum()          # y = x1^2 + x2^2 + x3^2
y.backward()                # autograd computes dy/dx = 2x
print(y)
print(x.grad)
