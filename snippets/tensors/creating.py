import torch

print(torch.zeros(2, 3))              # every number 0, shape (2, 3)
print(torch.ones(3))                  # every number 1
print(torch.arange(6))                # 0, 1, ..., 5 (the end, 6, is left out)
print(torch.arange(6).reshape(2, 3))  # the same six numbers in 2 rows

torch.manual_seed(0)                  # fix the random numbers...
first = torch.randn(3)                # ...drawn from a normal distribution (mean 0, spread 1)
torch.manual_seed(0)                  # the same seed again...
second = torch.randn(3)
print(first)
print(torch.equal(first, second))     # ...gives the same numbers
