# ---- new in this block ----
import math

lower = text.lower()
chars = sorted(set(lower))              # the vocabulary of the lowercase text
stoi = {ch: i for i, ch in enumerate(chars)}  # new chars and stoi: encode and decode now use this vocabulary
torch.manual_seed(123)
model = GPTModel({**cfg, "vocab_size": len(chars)})   # a copy of cfg with one entry changed
model.apply(init_weights)

ids = torch.tensor(encode(lower))
T = cfg["context_length"]
x = torch.stack([ids[s:s + T] for s in range(len(ids) - T)])          # every window of the text
y = torch.stack([ids[s + 1:s + T + 1] for s in range(len(ids) - T)])  # and its targets
with torch.no_grad():
    loss = F.cross_entropy(model(x).flatten(0, 1), y.flatten())
print(f"V = {len(chars)}: first loss {loss.item():.3f}, ln V = ln {len(chars)} = {math.log(len(chars)):.3f}")
