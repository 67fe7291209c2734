# Pretraining turns raw text into (input, target) pairs: the target is the input shifted by one token.
text = "the cat sat on the mat"

# A toy tokenizer: one token per word. GPT-2's BPE tokenizer has 50,257 tokens, often pieces of words.
words = text.split()
vocab = {word: i for i, word in enumerate(dict.fromkeys(words))}
token_ids = [vocab[word] for word in words]
print("vocabulary:", vocab)
print("token ids: ", token_ids)

inputs = token_ids[:-1]   # what the model reads
targets = token_ids[1:]   # what it must predict at each position
print("inputs:    ", inputs)
print("targets:   ", targets)

# One sentence of 6 tokens gives 5 next-token predictions, one per position.
for t in range(len(targets)):
    context = " ".join(words[: t + 1])
    print(f"{context:>19} -> {words[t + 1]}")
