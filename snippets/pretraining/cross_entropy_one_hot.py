import torch
import torch.nn.functional as F

logits = torch.tensor([[2.0, 1.0, 0.1, -1.0, 0.5]])    # scores for a vocabulary of 5 tokens
target = torch.tensor([1])                              # the token that really comes next
p = F.softmax(logits, dim=-1)                           # the model's distribution
y = F.one_hot(target, 5).float()                        # the target's distribution: one-hot
torch.set_printoptions(precision=4)
print("prediction p:", p)
print("target y:    ", y)
print(f"-sum(y * ln p) = {-(y * p.log()).sum().item():.4f}")
print(f"-ln p[target]  = {-p[0, 1].log().item():.4f}")
print(f"F.cross_entropy = {F.cross_entropy(logits, target).item():.4f}")
