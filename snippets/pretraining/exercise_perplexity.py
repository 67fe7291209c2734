import math

# The toy vocabulary's uniform guess (exercise 1), and a model that gives the right token p = 0.5.
for name, p in [("uniform over 5 tokens", 1 / 5), ("p = 0.5", 0.5)]:
    loss = -math.log(p)
    print(f"{name:22}  L = {loss:.4f},  perplexity = {math.exp(loss):.2f}")
