import torch

t = torch.arange(10)
print(t[::2])                 # every second number: start:end:step
print(t[-3:])                 # the last three
print(t.reshape(2, 5)[:, 0])  # the first column of the (2, 5) matrix
print(t.sum().item())         # 0 + 1 + ... + 9, as a Python int
