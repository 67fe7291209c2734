import math

import torch
import torch.nn.functional as F

torch.manual_seed(123)
t, d, d_k = 4, 8, 4                      # 4 tokens, vectors of 8 numbers, queries and keys of 4
x = torch.randn(t, d)                    # one vector per token
W_q, W_k, W_v = (0.5 * torch.randn(d, d_k) for _ in range(3))   # projections (learned in a real model)
Q, K, V = x @ W_q, x @ W_k, x @ W_v      # each token's query, key and value: shape (4, 4)

scores = Q @ K.T / math.sqrt(d_k)        # (4, 4): how well query i matches key j
mask = torch.triu(torch.ones(t, t, dtype=torch.bool), diagonal=1)   # True above the diagonal: the future
scores = scores.masked_fill(mask, float("-inf"))                   # e^(-inf) = 0: no weight on the future
weights = torch.softmax(scores, dim=-1)  # each row: how much token i takes from tokens 0..i
out = weights @ V                        # each token's output: a weighted mean of the values

torch.set_printoptions(precision=3, sci_mode=False)
print("attention weights:")
print(weights)
print("rows sum to:", weights.sum(dim=-1))
print("output shape:", tuple(out.shape))
same = F.scaled_dot_product_attention(Q, K, V, is_causal=True)
print("same as F.scaled_dot_product_attention:", torch.allclose(out, same, atol=1e-6))
