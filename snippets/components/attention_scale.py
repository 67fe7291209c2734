import math

import torch

torch.manual_seed(123)
# Queries and keys made of numbers with mean 0 and variance 1.
for d_k in (4, 64, 512):
    q = torch.randn(10_000, d_k)
    k = torch.randn(10_000, d_k)
    dots = (q * k).sum(dim=-1)             # 10,000 dot products, each a sum of d_k products
    print(f"d_k = {d_k:3}: variance of q.k = {dots.var().item():6.1f},"
          f"  of q.k / sqrt(d_k) = {(dots / math.sqrt(d_k)).var().item():.2f}")

# What the spread does to softmax: the same 4 scores of d_k = 64, without and with the scale.
scores = (torch.randn(4, 64) * torch.randn(4, 64)).sum(dim=-1)
torch.set_printoptions(precision=3, sci_mode=False)
print("scores q.k:         ", scores)
print("softmax, unscaled:  ", torch.softmax(scores, dim=-1))
print("softmax, scaled by 8:", torch.softmax(scores / 8, dim=-1))
