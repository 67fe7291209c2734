# GPT-3: an embedding of 12,288 numbers and 96 heads per layer.
d, n_heads = 12_288, 96
head_dim = d // n_heads

print("numbers per head:", head_dim)
print("one head's query projection:", (head_dim, d))
print("all heads together:", n_heads * head_dim, "numbers, the embedding dimension again")
