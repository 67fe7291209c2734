import torch

w = torch.tensor([1.5, -0.5], requires_grad=True, device="cpu")
try:
    w.numpy()                                # NumPy has no graph to keep
except RuntimeError as error:
    print("RuntimeError:", error)

array = w.detach().cpu().numpy()             # cut the graph, move to the CPU, convert
print(array, array.dtype)

half = torch.tensor([1.5, -0.5], dtype=torch.bfloat16)   # a 16-bit type that NumPy lacks
try:
    half.numpy()
except TypeError as error:
    print("TypeError:", error)
print(half.float().numpy())                  # convert to float32 first
