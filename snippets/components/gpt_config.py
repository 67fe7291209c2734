# The configuration of GPT-2 small (124M), as a Python dict that runs.
GPT_CONFIG_124M = {
    "vocab_size": 50257,     # vocabulary size of the BPE tokenizer
    "context_length": 1024,  # how many tokens the model reads at once
    "emb_dim": 768,          # embedding dimension: the length of each token's vector
    "n_heads": 12,           # attention heads per layer
    "n_layers": 12,          # transformer blocks stacked on top of each other
    "drop_rate": 0.1,        # dropout rate: 10% of activations zeroed during training
    "qkv_bias": False,       # no query/key/value bias here; the released GPT-2 has one (see "Weight tying")
}

cfg = GPT_CONFIG_124M
ff_hidden = 4 * cfg["emb_dim"]               # width of the feed-forward hidden layer
head_dim = cfg["emb_dim"] // cfg["n_heads"]  # each head projects the whole vector down to 64 numbers

print("feed-forward hidden size:", ff_hidden)
print("size of one attention head:", head_dim)
print("one token's vector holds", cfg["emb_dim"], "numbers")
print("one input window holds", cfg["context_length"], "tokens")
