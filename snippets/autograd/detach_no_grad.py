import torch

w = torch.tensor([2.2], requires_grad=True)
a = torch.sigmoid(1.1 * w)
print(a.requires_grad)            # a is computed from w: it is in the graph

plain = a.detach()                # the same numbers, cut off from the graph
print(plain, plain.requires_grad)

with torch.no_grad():             # inside this block nothing is recorded
    c = torch.sigmoid(1.1 * w)
print(c, c.requires_grad)
