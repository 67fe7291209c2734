# ---- new in this block ----
import math

V, T, d, n = cfg["vocab_size"], cfg["context_length"], cfg["emb_dim"], cfg["n_layers"]
parts = [V * d, T * d, n * (12 * d * d + 10 * d), 2 * d, d * V]   # chapter 2's formula, part by part
print(f"V = {V}, T = {T}, d = {d}, n = {n}: N = " + " + ".join(f"{p:,}" for p in parts) + f" = {sum(parts):,}")
print(f"parameters in the model (sum of numel): {sum(p.numel() for p in model.parameters()):,}")

val_losses = {0: text_loss(val_ids)}   # step 0: before training
print(f"loss before training: {val_losses[0]:.3f}   ln V = ln {len(chars)} = {math.log(len(chars)):.3f}")
print("before training:")
print(sample(80))

optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
train_losses = []
for step in range(1, 301):
    x, y = get_batch(train_ids)
    loss = loss_on(x, y)            # forward pass and loss
    optimizer.zero_grad()           # clear the gradients of the last step
    loss.backward()                 # backward pass: a gradient for every parameter
    optimizer.step()                # update every parameter
    train_losses.append(loss.item())
    if step in (1, 50, 100, 150, 200, 250, 300):
        val_losses[step] = text_loss(val_ids)
        print(f"step {step:3}: batch loss {loss.item():.3f}, whole train text {text_loss(train_ids):.3f}, "
              f"validation {val_losses[step]:.3f}")

print(f"300 steps of 16 windows of {T} tokens: {300 * 16 * T:,} tokens, {300 * 16 * T / len(train_ids):.1f} times the training text")
print(f"e^(validation loss) = e^{val_losses[300]:.3f} = {math.exp(val_losses[300]):.1f} (chapter 1's perplexity)")
print("after training:")
print(sample(80))
