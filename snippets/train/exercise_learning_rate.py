
for lr in (0.05, 2.0):
    torch.manual_seed(123)              # the same initial weights as the page's run
    model = GPTModel(cfg)
    model.apply(init_weights)
    batches.manual_seed(1)              # and the same batches
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    for step in range(1, 51):
        loss = loss_on(*get_batch(train_ids))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    print(f"lr {lr}: step 50: train loss {loss.item():.3f}, validation loss {validation_loss():.3f}")
