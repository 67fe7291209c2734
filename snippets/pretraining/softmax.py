import torch
import torch.nn.functional as F

# Four scores (logits) for a vocabulary of four tokens.
logits = torch.tensor([2.0, 1.0, 0.1, -1.0])

# softmax by its formula: e to the power of each score, divided by the sum of all of them.
exps = torch.exp(logits)
probs = exps / exps.sum()

print("logits:       ", logits)
print("e^logit:      ", exps)
print("softmax:      ", probs)
print(f"sum:           {probs.sum().item():.4f}")
print("F.softmax:    ", F.softmax(logits, dim=-1))
print("same:", torch.allclose(probs, F.softmax(logits, dim=-1)))
