import torch
import torch.nn as nn

torch.manual_seed(123)
net = nn.Sequential(nn.Linear(10, 5), nn.ReLU(), nn.Linear(5, 1), nn.Sigmoid()).double()  # .double(): parameters in float64
X = torch.randn(4, 10, dtype=torch.float64)
Y = torch.tensor([[1.0], [0.0], [1.0], [0.0]], dtype=torch.float64)


def loss_fn():
    return nn.BCELoss()(net(X), Y)


def relative_error(a, b):
    return abs(a - b) / max(abs(a) + abs(b), 1e-12)   # 0 when equal, 1 when one is 0


loss_fn().backward()
h, worst, worst_if_4x, worst_if_negated = 1e-6, 0.0, 0.0, 0.0
with torch.no_grad():
    for param in net.parameters():
        flat, grad = param.view(-1), param.grad.view(-1)   # views: writing flat[i] changes param
        for i in range(flat.numel()):
            old = flat[i].item()
            flat[i] = old + h
            up = loss_fn().item()
            flat[i] = old - h
            down = loss_fn().item()
            flat[i] = old                                   # put it back
            numeric = (up - down) / (2 * h)
            worst = max(worst, relative_error(numeric, grad[i].item()))
            worst_if_4x = max(worst_if_4x, relative_error(numeric, 4 * grad[i].item()))
            worst_if_negated = max(worst_if_negated, relative_error(numeric, -grad[i].item()))
print("parameters checked:", sum(p.numel() for p in net.parameters()))
print(f"largest relative error: {worst:.1e}, below 1e-6: {worst < 1e-6}")
print(f"a gradient 4 times too large (a sum instead of the mean of 4) gives {worst_if_4x:.2f}")
print(f"a gradient of the wrong sign gives {worst_if_negated:.2f}")
