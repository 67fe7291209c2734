import torch
import torch.nn.functional as F

x = torch.tensor([1.1])                        # input
y = torch.tensor([1.0])                        # target label
w = torch.tensor([2.2], requires_grad=True)    # weight: track its gradient
b = torch.tensor([0.0], requires_grad=True)    # bias: track its gradient

# Forward pass: PyTorch records every operation in a graph
z = x * w + b
a = torch.sigmoid(z)
loss = F.binary_cross_entropy(a, y)
print("loss:", loss)

# Backward pass: walk the graph backwards, applying the chain rule
loss.backward()
print("dL/dw:", w.grad)
print("dL/db:", b.grad)
