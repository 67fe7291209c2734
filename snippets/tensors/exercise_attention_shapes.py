import torch

torch.manual_seed(0)
queries = torch.randn(2, 3, 4, 8)      # (batch, head, token, numbers per head)
keys = torch.randn(2, 3, 4, 8)

scores = queries @ keys.transpose(-2, -1)   # swap the last two dimensions of keys
print(scores.shape)
weights = torch.softmax(scores, dim=-1)
print(weights.sum(dim=-1).shape)
print(torch.allclose(weights.sum(dim=-1), torch.ones(2, 3, 4)))
