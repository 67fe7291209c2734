import math

import torch
import torch.nn.functional as F

vocab_size, emb_dim = 50257, 64
torch.manual_seed(123)
tokens = torch.randint(0, vocab_size, (2, 17))      # 2 texts: 16 inputs and 16 targets each
inputs, targets = tokens[:, :-1], tokens[:, 1:]


def first_loss(std, reduction="mean"):
    # The tiny model above (embedding, then output layer), its weights drawn with standard deviation std.
    torch.manual_seed(123)
    embedding = std * torch.randn(vocab_size, emb_dim)
    output_head = std * torch.randn(emb_dim, vocab_size)
    logits = embedding[inputs] @ output_head            # (2, 16, 50257): a score per token
    return F.cross_entropy(logits.flatten(0, 1), targets.flatten(), reduction=reduction).item()


print(f"ln(50257)                         = {math.log(vocab_size):.2f}")
print(f"weights std 0.02, loss averaged   = {first_loss(0.02):.2f}")
print(f"weights std 1.0 (too large)       = {first_loss(1.0):.2f}")
print(f"loss summed over 32 predictions   = {first_loss(0.02, 'sum'):.2f}")
