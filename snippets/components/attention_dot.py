import torch

words = ["the", "cat", "sat", "on", "the", "mat"]
x = torch.tensor([[2.0, 0.0, 0.0],      # the   (is "the", is a noun, is another word)
                  [0.0, 2.0, 0.0],      # cat
                  [0.0, 0.0, 2.0],      # sat
                  [0.0, 0.0, 2.0],      # on
                  [2.0, 0.0, 0.0],      # the
                  [0.0, 2.0, 0.0]])     # mat
t = len(words)

scores = x @ x.T                          # (6, 6): score[i, j] = dot product of token i and token j
future = torch.triu(torch.ones(t, t, dtype=torch.bool), diagonal=1)   # True above the diagonal
masked = scores.masked_fill(future, float("-inf"))                    # a later token gets -inf
weights = torch.softmax(masked, dim=-1)   # e^(-inf) = 0: no weight on the future; each row adds up to 1

torch.set_printoptions(precision=2)
print("scores:")
print(scores)
print("masked scores:")
print(masked)
print("weights:")
print(weights)
print("'mat' takes from:", {f"{w} {j}": round(weights[5, j].item(), 2) for j, w in enumerate(words)})
uniform = torch.softmax(torch.zeros(t, t).masked_fill(future, float("-inf")), dim=-1)
print("equal scores give the mean of the past (attention_average.py's W):",
      torch.allclose(uniform, torch.tril(torch.ones(t, t)) / torch.arange(1, t + 1)[:, None]))
