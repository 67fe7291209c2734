import torch

torch.manual_seed(0)
n, depth = 50, 20
weights = [(torch.randn(n, n, dtype=torch.float64) * 3 / n ** 0.5).requires_grad_() for _ in range(depth)]
x = torch.randn(8, n, dtype=torch.float64)
upstream = torch.randn(8, n, dtype=torch.float64)

h = x
for W in weights:                          # weights three times too large: no activation, 20 layers
    h = h @ W.T
(h * upstream).sum().backward()

before = torch.cat([W.grad.view(-1) for W in weights])           # all gradients in one vector (a copy)
total = torch.nn.utils.clip_grad_norm_(weights, max_norm=1.0)   # returns the size before clipping
after = torch.cat([W.grad.view(-1) for W in weights])
print(f"gradient size before clipping: {total.item():.2e}")
print(f"after clip_grad_norm_(max_norm=1.0): {after.norm().item():.4f}")
cosine = torch.dot(before, after) / (before.norm() * after.norm())   # 1: the same direction
print(f"cosine between the gradient before and after: {cosine.item():.4f}")
