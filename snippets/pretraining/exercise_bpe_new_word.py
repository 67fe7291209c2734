# The merges bpe.py learned, in the order it learned them.
merges = [("w", "e"), ("l", "o"), ("s", "t"), ("n", "e"), ("w", "i"), ("wi", "d"), ("wid", "e"), ("lo", "we")]


def encode(word):
    tokens = list(word)                 # start from the characters, as in training
    for a, b in merges:                 # then apply every merge, in order
        i = 0
        while i + 1 < len(tokens):
            if tokens[i] == a and tokens[i + 1] == b:
                tokens[i:i + 2] = [a + b]
            else:
                i += 1
    return tokens


for word in ["lowest", "slowest", "widen", "xyz"]:
    print(f"{word:8} -> {encode(word)}")
