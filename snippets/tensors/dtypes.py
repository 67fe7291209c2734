import numpy as np
import torch

ints = torch.tensor([1, 2, 3])
floats = torch.tensor([1.0, 2.0, 3.0])
print(ints.dtype)      # from Python ints
print(floats.dtype)    # from Python floats

converted = ints.to(torch.float32)
print(converted, converted.dtype)

# NumPy's default float is 64-bit, and from_numpy keeps it.
print(torch.from_numpy(np.array([1.0, 2.0])).dtype)
