import torch

# The token IDs of a longer text (here simply 100, 101, ..., 112), cut into training windows.
token_ids = torch.arange(100, 113)        # 13 token IDs
context_length = 4                        # GPT-2: 1,024

inputs, targets = [], []
for start in range(0, len(token_ids) - context_length, context_length):
    inputs.append(token_ids[start:start + context_length])               # a window of the text
    targets.append(token_ids[start + 1:start + context_length + 1])      # the same window, one token later

inputs, targets = torch.stack(inputs), torch.stack(targets)   # a batch: shape (windows, context_length)
print("inputs: ", inputs.shape)
print(inputs)
print("targets:", targets.shape)
print(targets)
print("predictions in the batch:", targets.numel())
