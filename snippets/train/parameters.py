
V, T, d, n = cfg["vocab_size"], cfg["context_length"], cfg["emb_dim"], cfg["n_layers"]
parts = {                                            # chapter 2's formula, part by part
    "token embedding     Vd": V * d,
    "position embedding  Td": T * d,
    "one block  12d^2 + 10d": 12 * d * d + 10 * d,
    "final LayerNorm     2d": 2 * d,
    "output head         dV": d * V,
}
print(f"V = {V}, T = {T}, d = {d}, n = {n}")
for name, count in parts.items():
    print(f"{name} = {count:,}")
total = V * d + T * d + n * (12 * d * d + 10 * d) + 2 * d + d * V
print(f"by formula, N          = {total:,}")
print(f"by code, sum of numel  = {sum(p.numel() for p in model.parameters()):,}")
