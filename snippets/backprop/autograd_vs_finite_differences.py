import torch

# f(x) = x^3, whose derivative f'(x) = 3x^2 is known exactly
x0 = 1.1
exact = 3 * x0 ** 2
steps = [1e-2, 10 ** -2.5, 1e-4, 1e-6]
many_steps = [10 ** (k / 4) for k in range(-52, -3)]   # 49 step sizes, 1e-13 to 1e-1 (the figure's)


def f(x):
    return x * x * x


for dtype in [torch.float64, torch.float32]:
    x = torch.tensor(x0, dtype=dtype, requires_grad=True)
    f(x).backward()
    print(f"{dtype}  autograd:              error {abs(x.grad.item() - exact):.1e}")
    with torch.no_grad():                               # no graph needed for the estimates
        for h in steps:
            estimate = (f(x + h) - f(x - h)) / (2 * h)  # central difference
            error = abs(estimate.item() - exact)
            print(f"{dtype}  difference, h = {h:.1e}: error {error:.1e}   h^2 = {h * h:.1e}")
        best = min((abs(((f(x + h) - f(x - h)) / (2 * h)).item() - exact), h) for h in many_steps)
        print(f"{dtype}  best of the 49 step sizes: error {best[0]:.1e} at h = {best[1]:.1e}")

# In exact arithmetic the central difference of x^3 is 3x^2 + h^2: its error is h^2.
h = 1e-2
print(f"float64, h = 1e-2: estimate - 3x^2 = {(f(x0 + h) - f(x0 - h)) / (2 * h) - exact:.6e}")
