import torch

torch.manual_seed(0)
images = torch.rand(2, 3, 4, 4)        # (image, channel, row, column), as in container.py

print(images[:, 0].shape)              # channel 0 (red) of both images
print(images[0, :, 1].shape)           # row 1 of every channel of the first image
print(images.reshape(2, -1).shape)     # each image flattened into one row
