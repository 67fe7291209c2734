import torch

torch.manual_seed(0)
queries = torch.randn(2, 4, 3)     # (batch, tokens, numbers per token)
keys = torch.randn(2, 4, 3)

scores = queries @ keys.transpose(1, 2)   # (2, 4, 3) @ (2, 3, 4) -> (2, 4, 4)
print(scores.shape)

# @ on rank-3 tensors multiplies the matrices of each batch entry separately:
print(torch.allclose(scores[0], queries[0] @ keys[0].T))
print(torch.allclose(scores[1], queries[1] @ keys[1].T))
