import math

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(123)
vocab_size, emb_dim = 50257, 64

# The smallest "language model": look up a vector for each token, then score every possible next token.
embedding = nn.Embedding(vocab_size, emb_dim)
output_head = nn.Linear(emb_dim, vocab_size)
# Initialise as GPT-2 does: small random weights (standard deviation 0.02) and zero biases,
# so every score starts close to 0 and no token is preferred.
nn.init.normal_(embedding.weight, std=0.02)
nn.init.normal_(output_head.weight, std=0.02)
nn.init.zeros_(output_head.bias)

# A batch of 4 random "texts" of 33 tokens: 32 inputs and 32 next-token targets each.
tokens = torch.randint(0, vocab_size, (4, 33))
inputs, targets = tokens[:, :-1], tokens[:, 1:]

with torch.no_grad():
    logits = output_head(embedding(inputs))          # shape (4, 32, 50257): a score per token
    loss = F.cross_entropy(logits.flatten(0, 1), targets.flatten())

print("logits shape:", tuple(logits.shape))
print(f"loss before training = {loss.item():.2f}")
print(f"ln(50257)            = {math.log(vocab_size):.2f}")
