tied = 124_412_160                     # GPT-2 small, output head tied to the token embedding

for dtype, size in [("float32", 4), ("bfloat16", 2)]:
    print(f"{dtype:8}  {size} bytes each: {tied * size / 2**20:.2f} MiB")
