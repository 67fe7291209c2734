# ---- new in this block ----
import math

n_vocab, T, d, n = cfg["vocab_size"], cfg["context_length"], cfg["emb_dim"], cfg["n_layers"]
parts = [n_vocab * d, T * d, n * (12 * d * d + 10 * d), 2 * d, d * n_vocab]   # chapter 2's formula, part by part
print(f"n_vocab = {n_vocab}, T = {T}, d = {d}, n = {n}: N = " + " + ".join(f"{p:,}" for p in parts) + f" = {sum(parts):,}")
print(f"parameters in the model (sum of numel): {sum(p.numel() for p in model.parameters()):,}")

val_losses = {0: text_loss(val_ids)}   # step 0: before training
train_text_losses = {0: text_loss(train_ids)}
print(f"loss before training: {val_losses[0]:.3f}   ln V = ln {len(chars)} = {math.log(len(chars)):.3f}")
print("before training:")
print(sample(80))

optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
train_losses = []
for step in range(1, 601):
    x, y = get_batch(train_ids)
    loss = loss_on(x, y)            # forward pass and loss
    optimizer.zero_grad()           # clear the gradients of the last step
    loss.backward()                 # backward pass: a gradient for every parameter
    optimizer.step()                # update every parameter
    train_losses.append(loss.item())
    if step == 1:
        print(f"step 1: batch loss {loss.item():.3f}")
    if step % 25 == 0:              # every 25 steps: the loss on the whole training text and on the validation text
        train_text_losses[step] = text_loss(train_ids)
        val_losses[step] = text_loss(val_ids)
    if step % 100 == 0:             # every 100 steps: the last 4 measurements, their mean, and the gap between the means
        last = range(step - 75, step + 1, 25)
        means = []
        for name, losses in (("train text", train_text_losses), ("validation", val_losses)):
            values = [losses[s] for s in last]
            means.append(sum(values) / 4)
            print(f"steps {step - 75:3}-{step}, {name:10}: " + " ".join(f"{v:.3f}" for v in values)
                  + f"   mean {means[-1]:.3f}" + (f"   gap {means[1] - means[0]:.3f}" if name == "validation" else ""))

best = min(val_losses, key=val_losses.get)
print(f"lowest validation loss: {val_losses[best]:.3f} at step {best}; at step 600: {val_losses[600]:.3f}")
print(f"600 steps of 16 windows of {T} tokens: {600 * 16 * T:,} tokens, {600 * 16 * T / len(train_ids):.1f} times the training text")
print(f"e^(validation loss) = e^{val_losses[600]:.3f} = {math.exp(val_losses[600]):.1f} at step 600 (chapter 1's perplexity)")
print("after training:")
print(sample(80))
