import math

import torch
import torch.nn.functional as F
from torch import nn

vocab_size, emb_dim = 50257, 64
tokens = torch.randint(0, vocab_size, (4, 33), generator=torch.Generator().manual_seed(123))
inputs, targets = tokens[:, :-1], tokens[:, 1:]


def first_loss(std, reduction="mean"):
    torch.manual_seed(123)
    embedding, output_head = nn.Embedding(vocab_size, emb_dim), nn.Linear(emb_dim, vocab_size)
    nn.init.normal_(embedding.weight, std=std)
    nn.init.normal_(output_head.weight, std=std)
    nn.init.zeros_(output_head.bias)
    with torch.no_grad():
        logits = output_head(embedding(inputs))
        return F.cross_entropy(logits.flatten(0, 1), targets.flatten(), reduction=reduction).item()


print(f"ln(50257)                         = {math.log(vocab_size):.2f}")
print(f"weights std 0.02, loss averaged   = {first_loss(0.02):.2f}")
print(f"weights std 1.0 (too large)       = {first_loss(1.0):.2f}")
print(f"loss summed over 128 predictions  = {first_loss(0.02, 'sum'):.2f}")
