import torch

for depth in [1, 10, 50]:
    x = torch.tensor(1.0, requires_grad=True)
    h = x
    for _ in range(depth):
        h = torch.relu(h)          # ReLU'(z) = 1 for z > 0
    h.backward()
    print(f"{depth:2} ReLUs: dh/dx = {x.grad.item()}")
