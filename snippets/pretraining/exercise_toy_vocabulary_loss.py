import math

import torch
import torch.nn.functional as F

vocab_size = 5       # the toy vocabulary of "the cat sat on the mat"

logits = torch.zeros(1, vocab_size)   # a model that knows nothing: equal scores
target = torch.tensor([1])            # "cat": any id gives the same loss
p = F.softmax(logits, dim=-1)[0, target].item()
loss = F.cross_entropy(logits, target)

print(f"p(next token) = {p:.4f}")
print(f"cross-entropy = {loss.item():.4f}")
print(f"ln(5)         = {math.log(vocab_size):.4f}")
