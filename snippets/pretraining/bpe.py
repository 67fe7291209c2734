from collections import Counter

# Byte-pair encoding (BPE), learned from a short text: start from single characters and,
# again and again, merge the pair of neighbours that occurs most often into one new token.
text = "low lower lowest new newer newest wide wider widest"
words = [list(word) for word in text.split()]   # each word starts as its characters (merges stay inside words, as in GPT-2)


def merge(word, pair):
    out, i = [], 0
    while i < len(word):
        if i + 1 < len(word) and (word[i], word[i + 1]) == pair:
            out.append(word[i] + word[i + 1])
            i += 2
        else:
            out.append(word[i])
            i += 1
    return out


merges = []
for step in range(8):
    pairs = Counter(pair for word in words for pair in zip(word, word[1:]))
    pair, count = pairs.most_common(1)[0]          # the most frequent pair (the first one on a tie)
    merges.append(pair)
    words = [merge(word, pair) for word in words]
    print(f"merge {step + 1}: {pair[0]!r} + {pair[1]!r} -> {pair[0] + pair[1]!r}  (seen {count} times)")

print("tokens:", words)
vocab = sorted({ch for ch in text if ch != " "}) + [a + b for a, b in merges]
print("vocabulary:", len(vocab), "tokens")

# GPT-2's tokenizer was learned the same way, starting from the 256 possible bytes:
# 50,000 merges, plus one special token that marks the end of a text.
print(f"GPT-2: 256 bytes + 50,000 merges + 1 = {256 + 50_000 + 1:,} tokens")
