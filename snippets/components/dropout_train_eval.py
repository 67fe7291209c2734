import torch
from torch import nn

torch.manual_seed(123)
dropout = nn.Dropout(p=0.5)        # GPT-2 uses p = 0.1; 0.5 makes the effect easy to see
x = torch.ones(2, 6, device="cpu")  # on the CPU, so the random pattern is the same on every machine

dropout.train()                    # training mode (what model.train() sets for every layer)
print("training:")
print(dropout(x))                  # about half the values are 0, the others are 1 / (1 - 0.5) = 2

dropout.eval()                     # evaluation mode (what model.eval() sets)
print("evaluation:")
print(dropout(x))                  # dropout does nothing: the input passes through unchanged

# Scaling the survivors keeps the average the same, so the next layer sees values of the same size.
dropout.train()
big = dropout(torch.ones(100_000, device="cpu"))
print(f"zeroed in training: {(big == 0).float().mean().item():.3f}, mean: {big.mean().item():.3f}")
