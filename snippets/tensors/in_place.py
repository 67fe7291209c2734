import torch

x = torch.tensor([1.0, 2.0, 3.0])
y = x                      # no copy: a second name for the same tensor
x += 10                    # in place: changes the tensor itself
print(y)                   # y sees it

x = x + 10                 # not in place: a new tensor, and the name x now points to it
print(y, x)                # y still holds the old tensor

y.mul_(2)                  # a trailing underscore means "in place": y *= 2
print(y)
y.zero_()                  # fill with 0, in place (how gradients were cleared before PyTorch 2.0)
print(y)
