import torch
from torch import nn

torch.manual_seed(123)
dropout = nn.Dropout(p=0.1)            # GPT-2's rate instead of 0.5

dropout.train()
big = dropout(torch.ones(100_000, device="cpu"))
print(f"survivors are: {big.max().item():.4f}")
print(f"zeroed in training: {(big == 0).float().mean().item():.3f}, mean: {big.mean().item():.3f}")
