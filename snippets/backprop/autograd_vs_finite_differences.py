import torch

# f(x) = x^3, whose derivative f'(x) = 3x^2 is known exactly
x0 = 1.1
exact = 3 * x0 ** 2


def f(x):
    return x * x * x


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
