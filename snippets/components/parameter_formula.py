# Count GPT-2 small's parameters with pen-and-paper arithmetic (no PyTorch needed).
n_vocab, T, d, n = 50257, 1024, 768, 12   # vocabulary, context length, embedding size, layers

token_embedding = n_vocab * d
position_embedding = T * d
attention = 3 * d * d + (d * d + d)             # query/key/value (no bias) + output projection
layer_norms = 2 * (2 * d)                       # two LayerNorms, each with a scale and a shift
feed_forward = (d * 4 * d + 4 * d) + (4 * d * d + d)
block = attention + layer_norms + feed_forward  # = 12 d^2 + 10 d
final_norm = 2 * d
output_head = d * n_vocab

total = token_embedding + position_embedding + n * block + final_norm + output_head
print(f"token embedding     n_vocab*d = {token_embedding:,}")
print(f"position embedding        T*d = {position_embedding:,}")
print(f"one block         12d^2 + 10d = {block:,}")
print(f"final LayerNorm            2d = {final_norm:,}")
print(f"output head         d*n_vocab = {output_head:,}")
print(f"total                         = {total:,}")
print(f"tied (total - n_vocab*d)      = {total - output_head:,}")
print(f"qkv bias adds         n * 3d  = {n * 3 * d:,}")
print(f"tied, with qkv bias           = {total - output_head + n * 3 * d:,}")
