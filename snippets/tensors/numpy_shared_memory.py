import numpy as np
import torch

array = np.array([1.0, 2.0, 3.0])
shared = torch.from_numpy(array)   # no copy: tensor and array share one buffer
copied = torch.tensor(array)       # torch.tensor always copies

array[0] = 100.0                   # change the NumPy array...
print(shared)                      # ...and the shared tensor sees it
print(copied)                      # the copy does not

back = shared.numpy()              # .numpy() shares memory too (CPU tensors only)
back[1] = -1.0
print(array)
