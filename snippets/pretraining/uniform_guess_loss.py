import math

import torch
import torch.nn.functional as F

vocab_size = 50257   # GPT-2's vocabulary

# A model that knows nothing gives every token the same score (logit),
# so softmax turns the scores into the same probability 1/50257 for every token.
logits = torch.zeros(1, vocab_size)
target = torch.tensor([464])          # the id of the true next token: any id gives the same loss
p = F.softmax(logits, dim=-1)[0, target].item()
loss = F.cross_entropy(logits, target)

print(f"p(next token) = {p:.7f}")
print(f"cross-entropy = {loss.item():.4f}")
print(f"ln(50257)     = {math.log(vocab_size):.4f}")
