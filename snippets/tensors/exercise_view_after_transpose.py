import torch

tensor2d = torch.tensor([[1, 2, 3],
                         [4, 5, 6]])
transposed = tensor2d.T                # a view: same memory, rows and columns swapped
print(transposed.is_contiguous())      # its numbers are no longer stored row after row

try:
    transposed.view(6)
except RuntimeError:
    print("view(6): RuntimeError")

flat = transposed.reshape(6)           # reshape copies when it must
print(flat)
flat[0] = 100
print(tensor2d)                        # the copy is separate: tensor2d is unchanged
