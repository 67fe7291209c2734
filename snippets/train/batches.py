# ---- new in this block ----
T = cfg["context_length"]
batches = torch.Generator().manual_seed(1)   # which windows each step reads: the same on every run


def get_batch(data, batch_size=16):
    """batch_size windows of T tokens from random places, and the same windows shifted by one: the targets."""
    starts = torch.randint(len(data) - T, (batch_size,), generator=batches)  # batch_size random integers in [0, len(data) - T)
    x = torch.stack([data[s:s + T] for s in starts])
    y = torch.stack([data[s + 1:s + T + 1] for s in starts])
    return x, y


def loss_on(x, y):
    logits = model(x)                                          # (batch, T, V): a score per token of the vocabulary
    return F.cross_entropy(logits.flatten(0, 1), y.flatten())  # the mean over every position


def text_loss(data):
    """The loss on every window of data: the whole training text, or the validation text, which training never reads."""
    starts = range(len(data) - T)
    x = torch.stack([data[s:s + T] for s in starts])
    y = torch.stack([data[s + 1:s + T + 1] for s in starts])
    with torch.no_grad():
        return loss_on(x, y).item()


def sample(n_chars, seed=0):
    """n_chars characters after a newline, each drawn with the probabilities the model gives it."""
    draws = torch.Generator().manual_seed(seed)
    ids = torch.tensor([encode("\n")])
    for _ in range(n_chars):
        with torch.no_grad():
            logits = model(ids[:, -T:])[0, -1]                 # scores for the character after the last one
        next_id = torch.multinomial(F.softmax(logits, dim=-1), 1, generator=draws)  # one ID, drawn with these probabilities
        ids = torch.cat([ids, next_id[None]], dim=1)   # [None] makes it shape (1, 1); cat appends it along dim 1
    return decode(ids[0, 1:].tolist())
