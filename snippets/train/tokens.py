# ---- new in this block ----
print(f"{len(text)} characters, {len(chars)} different ones (the vocabulary V):")
print(repr("".join(chars)))
print("first line:    ", repr(text[:31]))
print("its token IDs: ", encode(text[:31]))
print("decoded again: ", repr(decode(encode(text[:31]))))
print(f"train: {len(train_ids)} tokens, validation: {len(val_ids)} tokens")
