import math

# The probabilities a model gave the right token at each of the 4 positions of a text.
p = [0.5, 0.25, 0.1, 0.8]
losses = [-math.log(q) for q in p]
mean_loss = sum(losses) / len(losses)
print(f"mean loss L = {mean_loss:.4f}, perplexity e^L = {math.exp(mean_loss):.4f}")
print(f"geometric mean of 1/p = {math.prod(1 / q for q in p) ** (1 / len(p)):.4f}")
print(f"arithmetic mean of 1/p = {sum(1 / q for q in p) / len(p):.4f}")
