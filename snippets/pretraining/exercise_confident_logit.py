import math

import torch
import torch.nn.functional as F

vocab_size = 50257
target = torch.tensor([464])

logits = torch.zeros(1, vocab_size)
logits[0, 464] = 5.0                  # the right token now scores 5, every other token 0
p = F.softmax(logits, dim=-1)[0, target].item()
loss = F.cross_entropy(logits, target)

print(f"p(next token)       = {p:.4f}")
print(f"cross-entropy       = {loss.item():.4f}")
print(f"e^5 / (e^5 + 50256) = {math.exp(5) / (math.exp(5) + vocab_size - 1):.4f}")
print(f"e^5                 = {math.exp(5):.2f}")   # how many times likelier than any one other token
