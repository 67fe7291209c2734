import math

import torch
from torch import nn

words = ["the", "cat", "sat", "on", "the", "mat"]
x = torch.tensor([[2.0, 0.0, 0.0],      # the   (is "the", is a noun, is another word)
                  [0.0, 2.0, 0.0],      # cat
                  [0.0, 0.0, 2.0],      # sat
                  [0.0, 0.0, 2.0],      # on
                  [2.0, 0.0, 0.0],      # the
                  [0.0, 2.0, 0.0]])     # mat
t, d, d_k = 6, 3, 3

W_q = nn.Linear(d, d_k, bias=False)     # learned projections: weights of shape (d_k, d), trained like any other
W_k = nn.Linear(d, d_k, bias=False)
W_v = nn.Linear(d, d_k, bias=False)
torch.set_printoptions(precision=2)
print("trainable:", W_q.weight.requires_grad, W_k.weight.requires_grad, W_v.weight.requires_grad)


def attend(Q, K):
    """softmax(Q K^T / sqrt(d_k)) with the causal mask: the attention weights."""
    scores = Q @ K.T / math.sqrt(d_k)
    future = torch.triu(torch.ones(t, t, dtype=torch.bool), diagonal=1)
    return torch.softmax(scores.masked_fill(future, float("-inf")), dim=-1)


def row(weights, i):
    return "  ".join(f"{w} {weights[i, j]:.2f}" for j, w in enumerate(words))


with torch.no_grad():
    for W in (W_q, W_k, W_v):           # start: every projection is the identity, so q = k = v = x
        W.weight.copy_(torch.eye(3))
    print("W_q = W_k = identity, 'mat' takes from:", row(attend(W_q(x), W_k(x)), 5))

    # Hand-chosen W_q: a noun's query asks for the "the" number of the keys (row 0 reads column 1).
    W_q.weight.copy_(torch.tensor([[0.0, 2.0, 0.0],
                                   [0.0, 0.0, 0.0],
                                   [0.0, 0.0, 0.0]]))
    print("W_q:")
    print(W_q.weight.data)
    Q, K, V = W_q(x), W_k(x), W_v(x)
    print("query of 'mat':", Q[5], " key of 'the':", K[0], " key of 'cat':", K[1])
    weights = attend(Q, K)
    print("hand-chosen W_q, 'mat' takes from:     ", row(weights, 5))
    print("output of 'mat' (weighted mean of the values):", (weights @ V)[5])
