import math

import torch
from torch import nn

words = ["the", "cat", "sat", "on", "the", "mat"]
x = torch.tensor([[[2.0, 0.0, 0.0],     # the   (is "the", is a noun, is another word)
                   [0.0, 2.0, 0.0],     # cat
                   [0.0, 0.0, 2.0],     # sat
                   [0.0, 0.0, 2.0],     # on
                   [2.0, 0.0, 0.0],     # the
                   [0.0, 2.0, 0.0]]])   # mat: a batch of 1 window, shape (1, 6, 3)
b, t, d = x.shape
n_heads, head_dim = 2, 3

# The query and key projections of both heads as one matrix each: 3 numbers in, 2 x 3 out.
W_q = nn.Linear(d, n_heads * head_dim, bias=False)
W_k = nn.Linear(d, n_heads * head_dim, bias=False)
with torch.no_grad():
    W_q.weight.copy_(torch.cat([torch.eye(3),                       # head 0: query = the token itself
                                torch.tensor([[0.0, 2.0, 0.0],      # head 1: a noun asks for "the"
                                              [0.0, 0.0, 0.0],
                                              [0.0, 0.0, 0.0]])]))
    W_k.weight.copy_(torch.cat([torch.eye(3), torch.eye(3)]))       # both heads: key = the token itself

    q = W_q(x).view(b, t, n_heads, head_dim).permute(0, 2, 1, 3)   # (1, 2, 6, 3): heads before tokens
    k = W_k(x).view(b, t, n_heads, head_dim).permute(0, 2, 1, 3)
    scores = q @ k.transpose(-2, -1) / math.sqrt(head_dim)          # (1, 2, 6, 6): one score matrix per head
    future = torch.triu(torch.ones(t, t, dtype=torch.bool), diagonal=1)
    weights = torch.softmax(scores.masked_fill(future, float("-inf")), dim=-1)

print("queries:", tuple(q.shape), " weights:", tuple(weights.shape))
for h, what in enumerate(("same kind", "noun -> 'the'")):
    print(f"head {h} ({what + '):':15} 'mat' takes from:",
          "  ".join(f"{w} {weights[0, h, 5, j]:.2f}" for j, w in enumerate(words)))
