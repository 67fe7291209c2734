import torch

outputs = torch.tensor([[0.9], [0.2], [0.6]])   # (3, 1): one output per example
labels = torch.tensor([1.0, 0.0, 1.0])          # (3,)

print((outputs - labels).shape)                 # broadcasting: (3, 1) - (3,) -> (3, 3)!
fixed = labels.unsqueeze(1)                     # (3, 1)
print((outputs - fixed).shape)
print(outputs - fixed)
