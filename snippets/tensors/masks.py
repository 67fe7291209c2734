import torch

scores = torch.tensor([[0.5, 2.0, -1.0],
                       [1.5, 0.0, 3.0]])

# a comparison gives a boolean tensor, element by element
positive = scores > 0
print(positive)
print(scores[positive])                  # boolean indexing: the numbers where it is True
print(positive.sum().item())             # True counts as 1: how many are positive

# argmax: the position of the largest number, here per row
print(scores.argmax(dim=-1))

# a causal mask: tril keeps the lower triangle (position i sees positions 0..i)
t = 3
allowed = torch.tril(torch.ones(t, t, dtype=torch.bool))
print(allowed)
square = torch.tensor([[0.1, 0.2, 0.3],
                       [0.4, 0.5, 0.6],
                       [0.7, 0.8, 0.9]])
masked = square.masked_fill(~allowed, float("-inf"))   # ~ flips True and False
print(masked)
print(torch.softmax(masked, dim=-1))     # e^(-inf) = 0: no weight on the future
