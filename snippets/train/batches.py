
T = cfg["context_length"]
batches = torch.Generator().manual_seed(1)   # which windows each step reads: the same on every run


def get_batch(data, batch_size=16):
    """batch_size windows of T tokens from random places, and the same windows shifted by one: the targets."""
    starts = torch.randint(len(data) - T, (batch_size,), generator=batches)
    x = torch.stack([data[s:s + T] for s in starts])
    y = torch.stack([data[s + 1:s + T + 1] for s in starts])
    return x, y


def loss_on(x, y):
    logits = model(x)                                          # (batch, T, V): a score per token of the vocabulary
    return F.cross_entropy(logits.flatten(0, 1), y.flatten())  # the mean over every position


def validation_loss():
    """The loss on every window of the validation text, which training never reads."""
    starts = range(len(val_ids) - T)
    x = torch.stack([val_ids[s:s + T] for s in starts])
    y = torch.stack([val_ids[s + 1:s + T + 1] for s in starts])
    with torch.no_grad():
        return loss_on(x, y).item()


def sample(n_chars, seed=0):
    """n_chars characters after a newline, each drawn with the probabilities the model gives it."""
    draws = torch.Generator().manual_seed(seed)
    ids = torch.tensor([encode("\n")])
    for _ in range(n_chars):
        with torch.no_grad():
            logits = model(ids[:, -T:])[0, -1]                 # scores for the character after the last one
        next_id = torch.multinomial(F.softmax(logits, dim=-1), 1, generator=draws)
        ids = torch.cat([ids, next_id[None]], dim=1)
    return decode(ids[0, 1:].tolist())
