import torch

# Six tokens with hand-made embeddings of 3 numbers: (is "the", is a noun, is another word).
words = ["the", "cat", "sat", "on", "the", "mat"]
x = torch.tensor([[2.0, 0.0, 0.0],      # the
                  [0.0, 2.0, 0.0],      # cat
                  [0.0, 0.0, 2.0],      # sat
                  [0.0, 0.0, 2.0],      # on
                  [2.0, 0.0, 0.0],      # the
                  [0.0, 2.0, 0.0]])     # mat
t = len(words)

# Each token takes the mean of itself and the tokens before it, with a loop:
loop = torch.stack([x[:i + 1].mean(dim=0) for i in range(t)])

# The same with one matrix product: row i of W holds 1/(i+1) for tokens 0..i and 0 after.
W = torch.tril(torch.ones(t, t))          # lower triangular: 1 on and below the diagonal
W = W / W.sum(dim=1, keepdim=True)        # each row divided by its sum: rows add up to 1
torch.set_printoptions(precision=2)
print("W:")
print(W)
print("W @ x, row of 'mat':", (W @ x)[5])
print("same as the loop:", torch.allclose(W @ x, loop))
