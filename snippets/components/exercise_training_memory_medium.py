# training_memory.py for GPT-2 medium (tied, with the qkv biases: exercise 1).
bytes_per_parameter = 4 + 4 + 2 * 4    # weights, gradients, AdamW's two moments, float32
medium = 354_823_168

print(f"GPT-2 medium: {medium * bytes_per_parameter / 2**30:.2f} GiB before activations")
print(f"weights alone: {medium * 4 / 2**30:.2f} GiB")
