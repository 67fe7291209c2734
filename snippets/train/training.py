
import math

print(f"loss before training: {validation_loss():.3f}   ln V = ln {len(chars)} = {math.log(len(chars)):.3f}")
print("before training:", repr(sample(80)))

optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
train_losses, val_losses = [], {}
for step in range(1, 301):
    x, y = get_batch(train_ids)
    loss = loss_on(x, y)            # forward pass and loss
    optimizer.zero_grad()           # clear the gradients of the last step
    loss.backward()                 # backward pass: a gradient for every parameter
    optimizer.step()                # update every parameter
    train_losses.append(loss.item())
    if step in (1, 50, 100, 150, 200, 250, 300):
        val_losses[step] = validation_loss()
        print(f"step {step:3}: train loss {loss.item():.3f}, validation loss {val_losses[step]:.3f}")

print("after training: ", repr(sample(80)))
