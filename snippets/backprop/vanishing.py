import torch

# The gradient through a chain of sigmoids: each one multiplies it by σ'(z) ≤ 1/4.
for depth in [1, 2, 5, 10]:
    x = torch.tensor(0.0, requires_grad=True)
    h = x
    for _ in range(depth):
        h = torch.sigmoid(h)
    h.backward()
    print(f"{depth:2} sigmoids: dh/dx = {x.grad.item():.2e}   (1/4)^{depth} = {0.25 ** depth:.2e}")

s = torch.sigmoid(torch.tensor(0.5))     # the second sigmoid sees σ(0) = 0.5
print(f"the second sigmoid sees z = 0.5, where σ'(z) = σ(z)(1 - σ(z)) = {(s * (1 - s)).item():.3f}")
print(f"the third sees σ(0.5) = {s.item():.3f}")
