import math

import torch

# f(x) = sin(x) * exp(x), whose derivative is known exactly:
# f'(x) = e^x (sin x + cos x)
x0 = 1.0
exact = math.exp(x0) * (math.sin(x0) + math.cos(x0))


def f(x):
    return torch.sin(x) * torch.exp(x)


for dtype in [torch.float64, torch.float32]:
    x = torch.tensor(x0, dtype=dtype, requires_grad=True)
    f(x).backward()
    error = abs(x.grad.item() - exact)
    print(f"{dtype}  autograd:                error {error:.0e}")
    with torch.no_grad():
        for h in [1e-2, 1e-4, 1e-6]:
            estimate = (f(x + h) - f(x - h)) / (2 * h)  # central difference
            error = abs(estimate.item() - exact)
            print(f"{dtype}  difference, h = {h:.0e}: error {error:.0e}")
