import torch
from torch import nn

torch.manual_seed(123)
x = 3 + 5 * torch.randn(2, 768)               # 2 token vectors with mean about 3 and spread about 5

norm = nn.LayerNorm(768)
print("learned scale (gamma):", tuple(norm.weight.shape), "starts at", norm.weight[0].item())
print("learned shift (beta): ", tuple(norm.bias.shape), "starts at", norm.bias[0].item())
print("parameters:", sum(p.numel() for p in norm.parameters()))   # 2 * 768

y = norm(x)                                   # each vector: minus its mean, divided by its standard deviation
print(f"before: mean {x[0].mean().item():.2f}, std {x[0].std(correction=0).item():.2f}")
print(f"after:  mean {y[0].mean().abs().item():.2f}, std {y[0].std(correction=0).item():.2f}")

# Then it multiplies by gamma and adds beta, one pair per position of the vector, learned in training.
with torch.no_grad():
    norm.weight.fill_(2.0)
    norm.bias.fill_(0.5)
y = norm(x)
print(f"gamma 2, beta 0.5: mean {y[0].mean().item():.2f}, std {y[0].std(correction=0).item():.2f}")
