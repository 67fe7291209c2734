# parameter_formula.py with GPT-2 medium's configuration: wider and deeper, same vocabulary and window.
n_vocab, T, d, n = 50257, 1024, 1024, 24   # d: 768 -> 1024, n: 12 -> 24

token_embedding = n_vocab * d
position_embedding = T * d
block = 12 * d * d + 10 * d
final_norm = 2 * d
output_head = d * n_vocab

total = token_embedding + position_embedding + n * block + final_norm + output_head
small_block = 12 * 768 * 768 + 10 * 768   # GPT-2 small's block, d = 768
print(f"one block   12d^2 + 10d = {block:,}")
print(f"d grew by    1024 / 768 = {d / 768:.2f}x")
print(f"a block grew by         = {block / small_block:.2f}x")
print(f"total                   = {total:,}")
print(f"tied, with qkv bias     = {total - output_head + n * 3 * d:,}")
