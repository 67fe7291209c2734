import math

import torch
import torch.nn.functional as F

vocab_size = 50257
target = torch.tensor([464])

# Perplexity is e to the power of the loss: how many tokens the model is, in effect, choosing among.
logits = torch.zeros(1, vocab_size)                  # the uniform guess
loss = F.cross_entropy(logits, target).item()
print(f"uniform guess:  L = {loss:.4f},  perplexity e^L = {math.exp(loss):,.0f}")

logits[0, 464] = 10.0                                # the right token's logit raised to 10
loss = F.cross_entropy(logits, target).item()
print(f"logit 10:       L = {loss:.4f},  perplexity e^L = {math.exp(loss):.2f}")

print(f"sure and right: L = 0.0000,  perplexity e^L = {math.exp(0.0):.2f}")
