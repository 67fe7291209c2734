import torch

torch.manual_seed(0)
# A batch of 2 colour images, 3 channels (red, green, blue), 4 x 4 pixels each.
images = torch.rand(2, 3, 4, 4)
print(images.shape)

# One colour image of the size image models often use: (channel, row, column).
print(torch.zeros(3, 224, 224).shape)

# Each axis means something: image, channel, row, column.
first_image_green = images[0, 1]
print(first_image_green.shape)

# A batch of 2 token sequences, 5 token IDs each: the input of a language model.
token_ids = torch.tensor([[15496, 11, 314, 716, 257],
                          [40, 588, 257, 3290, 13]])
print(token_ids.shape, token_ids.dtype)
