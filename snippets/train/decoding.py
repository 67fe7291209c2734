# ---- new in this block ----
print(f"the trained model's validation loss: {text_loss(val_ids):.3f}")   # the training block's, at step 600


def next_logits(prompt):
    with torch.no_grad():
        return model(torch.tensor([encode(prompt[-T:])]))[0, -1]   # the scores for the character after the prompt


def show(probs, top=5):
    """The top characters with their probabilities, and what is left for all the others."""
    p, i = probs.topk(top)
    pairs = "  ".join(f"{decode([j])!r} {q:.3f}" for j, q in zip(i.tolist(), p.tolist()))
    return f"{pairs}   others {1 - p.sum().item():.3f}"


after_space = [text[i + 1] for i in range(len(text) - 1) if text[i] == " "]
print(f"in the poem, 't' follows a space {after_space.count('t')} times out of {len(after_space)}")
logits = next_logits("in the ")           # the character after "in the ": in the poem, "dark" or "sky"
print('after "in the ":')
for temp in (0.5, 1.0, 2.0):               # temperature: divide the scores by it before the softmax
    print(f"  temperature {temp}: {show(F.softmax(logits / temp, dim=-1))}")
kept = logits.masked_fill(logits < logits.topk(3).values[-1], float("-inf"))   # top-k, k = 3: scores below the 3rd largest get -inf
print(f"  top-3:           {show(F.softmax(kept, dim=-1), top=3)}")
print(f"  greedy:          {decode([logits.argmax().item()])!r}, the largest score, every time")


def generate(n_chars, temperature=1.0, top_k=None, seed=0):
    """n_chars characters after a newline; temperature 0 means greedy (always the most probable one)."""
    draws = torch.Generator().manual_seed(seed)
    text_so_far = "\n"
    for _ in range(n_chars):
        logits = next_logits(text_so_far)
        if temperature == 0:
            next_id = logits.argmax().item()
        else:
            logits = logits / temperature
            if top_k is not None:           # scores below the k-th largest get -inf, so probability 0
                logits = logits.masked_fill(logits < logits.topk(top_k).values[-1], float("-inf"))
            next_id = torch.multinomial(F.softmax(logits, dim=-1), 1, generator=draws).item()
        text_so_far += decode([next_id])
    return text_so_far[1:]


for name, kwargs in (("greedy", dict(temperature=0)), ("temperature 0.5", dict(temperature=0.5)),
                     ("temperature 1.0", dict()), ("temperature 2.0", dict(temperature=2.0)),
                     ("top-3", dict(top_k=3))):
    print(f"--- {name}:")
    print(generate(60, **kwargs))
