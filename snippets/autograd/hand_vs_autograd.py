import torch
import torch.nn.functional as F

x = torch.tensor([1.1])
y = torch.tensor([1.0])
w = torch.tensor([2.2], requires_grad=True)
b = torch.tensor([0.0], requires_grad=True)

a = torch.sigmoid(x * w + b)
loss = F.binary_cross_entropy(a, y)
loss.backward()

# The formulas derived by hand above
a = a.detach()
dL_dw = (a - y) * x
dL_db = a - y

print("dL/dw = (a - y) x:", torch.allclose(w.grad, dL_dw))
print("dL/db = a - y:    ", torch.allclose(b.grad, dL_db))
