import torch

# sliding_windows.py with windows that start one token apart (stride 1) instead of four.
token_ids = torch.arange(100, 113)
context_length, stride = 4, 1

starts = range(0, len(token_ids) - context_length, stride)
inputs = torch.stack([token_ids[s:s + context_length] for s in starts])
targets = torch.stack([token_ids[s + 1:s + context_length + 1] for s in starts])
print("inputs: ", inputs.shape)
print("targets:", targets.shape)
print("predictions in the batch:", targets.numel())
print("first two windows overlap:", inputs[0].tolist(), inputs[1].tolist())
