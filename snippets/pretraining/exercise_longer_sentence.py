# next_token_pairs.py with a longer sentence
text = "the cat sat on the mat and the dog sat on the log"

words = text.split()
vocab = {word: i for i, word in enumerate(dict.fromkeys(words))}
token_ids = [vocab[word] for word in words]

inputs = token_ids[:-1]
targets = token_ids[1:]
print("tokens:     ", len(token_ids))
print("vocabulary: ", len(vocab), "tokens:", list(vocab))
print("predictions:", len(targets))
