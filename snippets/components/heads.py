import torch
from torch import nn

torch.manual_seed(123)
b, t, d, n_heads = 1, 5, 768, 12
head_dim = d // n_heads                          # 64
x = torch.randn(b, t, d)                         # 5 tokens, 768 numbers each
W_q = nn.Linear(d, d, bias=False)                # the query projection of all 12 heads together

# Head 0's query projection: 64 rows of W_q, each reading all 768 numbers of a token.
W_q0 = W_q.weight[:head_dim]
print("head 0 projection:", tuple(W_q0.shape), "-> reads all", W_q0.shape[1], "numbers of each token")
q0 = x @ W_q0.T                                  # head 0's queries: 64 numbers per token
print("head 0 queries:   ", tuple(q0.shape))

# The model projects once for all heads, then splits the projected result into 12 x 64.
q = W_q(x)                                       # (b, t, 768)
q = q.view(b, t, n_heads, head_dim)              # (b, t, 12, 64): the 768 outputs as 12 groups of 64
q = q.permute(0, 2, 1, 3)                        # (b, 12, t, 64): axes reordered, heads before tokens
print("all heads:        ", tuple(q.shape))
print("head 0 is the same:", torch.allclose(q[0, 0], q0[0], atol=1e-6))
