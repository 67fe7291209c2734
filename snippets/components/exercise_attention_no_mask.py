import math

import torch
import torch.nn.functional as F

# attention.py without the causal mask.
torch.manual_seed(123)
t, d, d_k = 4, 8, 4
x = torch.randn(t, d)
W_q, W_k, W_v = (0.5 * torch.randn(d, d_k) for _ in range(3))
Q, K, V = x @ W_q, x @ W_k, x @ W_v

weights = torch.softmax(Q @ K.T / math.sqrt(d_k), dim=-1)   # no mask: every token sees every token
out = weights @ V

torch.set_printoptions(precision=3, sci_mode=False)
print(weights)
print("same as is_causal=True: ", torch.allclose(out, F.scaled_dot_product_attention(Q, K, V, is_causal=True), atol=1e-6))
print("same as is_causal=False:", torch.allclose(out, F.scaled_dot_product_attention(Q, K, V), atol=1e-6))
