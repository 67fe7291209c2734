# ---- new in this block ----
for lr in (0.05, 2.0):
    torch.manual_seed(123)              # the same initial weights as the page's run
    model = GPTModel(cfg)
    model.apply(init_weights)
    batches.manual_seed(1)              # and the same batches
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    losses = []
    for step in range(1, 51):
        loss = loss_on(*get_batch(train_ids))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    if lr == 2.0:
        print("lr 2.0, steps 1 to 8:", ", ".join(f"{l:.3g}" for l in losses[:8]))
    print(f"lr {lr}: step 50: batch loss {loss.item():.3f}, validation loss {text_loss(val_ids):.3f}")
