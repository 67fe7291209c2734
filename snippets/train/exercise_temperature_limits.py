import torch
import torch.nn.functional as F

torch.set_printoptions(precision=3, sci_mode=False)
logits = torch.tensor([2.0, 1.0, 0.5, 0.0])      # the scores of 4 tokens
for temp in (0.1, 1.0, 10.0, 100.0):
    print(f"temperature {temp:5}: {F.softmax(logits / temp, dim=-1)}")
kept = logits.masked_fill(logits < logits.max(), float("-inf"))   # top-k with k = 1
p = F.softmax(logits / 0.1, dim=-1)
print(f"temperature 0.1, largest: {p[0]:.3f}, all but {1 - p[0]:.5f}")
print(f"top-1:             {F.softmax(kept, dim=-1)}")
print("greedy picks token", logits.argmax().item())
