# ---- new in this block ----
longer = GPTModel({**cfg, "context_length": 32})   # a copy of cfg with one entry changed
count = sum(p.numel() for p in model.parameters())
count_longer = sum(p.numel() for p in longer.parameters())
print(f"context 16: {count:,} parameters")
print(f"context 32: {count_longer:,} parameters (+{count_longer - count:,})")
# model.get_parameter(name): the model's parameter of that name, to compare shapes
print("what grew:", [name for name, p in longer.named_parameters() if p.shape != model.get_parameter(name).shape])
