import torch

pairs = [((2, 3), (3,)), ((4, 1), (3,)), ((2, 1, 3), (4, 1)), ((2, 3), (3, 2))]
for left, right in pairs:
    try:
        shape = (torch.zeros(left) + torch.zeros(right)).shape
        print(f"{left} + {right} -> {tuple(shape)}")
    except RuntimeError:
        print(f"{left} + {right} -> RuntimeError")
