import torch
import torch.nn.functional as F

logits = torch.tensor([2.0, 1.0, 0.1, -1.0])

print("softmax(logits):      ", F.softmax(logits, dim=-1))
print("softmax(logits + 100):", F.softmax(logits + 100, dim=-1))
print("softmax(logits * 2):  ", F.softmax(logits * 2, dim=-1))

# The formula written out, on the shifted scores: e^102 does not fit in a float32.
exps = torch.exp(logits + 100)
print("e^(logits + 100):     ", exps)
print("formula, shifted:     ", exps / exps.sum())
