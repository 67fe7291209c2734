import torch

images = torch.arange(24).reshape(2, 3, 4)   # (batch, channel, position)
moved = images.permute(0, 2, 1)              # new order of the old dimensions: 0, 2, 1
print(moved.shape)                           # (batch, position, channel)
print(images[1, 2, 3].item(), moved[1, 3, 2].item())   # the same number, indices reordered

# a view, like .T: no numbers move in memory, only the strides change
print(images.stride(), moved.stride())
print(moved.is_contiguous())                 # so .view() on it fails, as after .T
print(moved.reshape(2, 12).shape)            # .reshape() copies when it must

# with two dimensions, permute(1, 0) is .T; transpose(a, b) swaps just two
m = torch.tensor([[1, 2, 3], [4, 5, 6]])
print(torch.equal(m.permute(1, 0), m.T), torch.equal(images.transpose(1, 2), moved))
