import torch

tensor2d = torch.tensor([[1, 2, 3],
                         [4, 5, 6]])
print(tensor2d.shape)

reshaped = tensor2d.reshape(3, 2)   # same 6 numbers, new shape
viewed = tensor2d.view(6)           # a view shares memory with tensor2d
viewed[0] = 100                     # write through one of them...
print(tensor2d)                     # ...and all three show it
print(reshaped)
print(viewed)

print(tensor2d.view(-1, 2).shape)   # -1: "work this size out for me"
