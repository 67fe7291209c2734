# The training block's 600 steps, without its prints: the same seeds, the same batches, the same weights.
optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
for step in range(1, 601):
    loss = loss_on(*get_batch(train_ids))
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
