import torch

# Use a GPU when there is one; the same code runs on the CPU otherwise.
device = "cuda" if torch.cuda.is_available() else "cpu"

a = torch.tensor([[1.0, 2.0], [3.0, 4.0]], device=device)
b = torch.tensor([[5.0, 6.0], [7.0, 8.0]], device=device)
c = a @ b                         # computed on `device`

print(c.device.type == device)    # the result stays where its inputs are
print(c.cpu())                    # move it to the CPU to print or convert to NumPy
