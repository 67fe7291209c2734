import torch
from torch import nn

# Training with AdamW in float32 stores four numbers of 4 bytes for every parameter:
# the weight, its gradient, and AdamW's two running averages (the moments m and v).
bytes_per_parameter = 4 + 4 + 2 * 4
print("bytes per parameter:", bytes_per_parameter)

# Check the optimizer's part on a small layer: after one step AdamW holds 2 numbers per parameter.
torch.manual_seed(123)
layer = nn.Linear(100, 100)
optimizer = torch.optim.AdamW(layer.parameters())
layer(torch.randn(8, 100)).pow(2).mean().backward()
optimizer.step()
n = sum(p.numel() for p in layer.parameters())
state = sum(s.numel() * s.element_size() for st in optimizer.state.values()
            for s in st.values() if s.dim() > 0)                # m and v (the step counters are single numbers)
grads = sum(p.grad.numel() * p.grad.element_size() for p in layer.parameters())
print(f"{n:,} parameters: weights {4 * n:,} B, gradients {grads:,} B, AdamW state {state:,} B")

gpt2 = 124_439_808                                              # GPT-2 small, as released
print(f"GPT-2 small: {gpt2 * bytes_per_parameter:,} bytes = {gpt2 * bytes_per_parameter / 2**30:.2f} GiB before activations")
