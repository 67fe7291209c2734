import torch

m = torch.arange(6).reshape(2, 3)
row = m[0]                  # a slice is a view: it shares memory with m
row[1] = 100                # a write through the view...
print(m)                    # ...shows in m

copy = m[1].clone()         # clone() copies: its own memory
copy[0] = -1
print(m[1], copy)           # m is unchanged

w = torch.tensor([1.0, 2.0], requires_grad=True)
d = w.detach()              # the same numbers without the graph: a view, not a copy
d[0] = 5.0                  # a write through the detached tensor...
print(w)                    # ...changes w too
print(d.data_ptr() == w.data_ptr(), copy.data_ptr() == m[1].data_ptr())   # same memory?
print(m[1].data_ptr() - m.data_ptr())   # m[1] is a view that starts 3 numbers (24 bytes) further

picked = m[[0, 1]]          # indexing with a list of positions (or a mask) makes a copy
picked[0, 0] = -7
print(m[0, 0].item(), picked[0, 0].item())   # m is unchanged
