import torch
import torch.nn as nn

torch.manual_seed(123)
fc1, fc2 = nn.Linear(10, 5), nn.Linear(5, 1)
with torch.no_grad():                     # every weight the same: 0.1, every bias 0
    for layer in (fc1, fc2):
        layer.weight.fill_(0.1)
        layer.bias.zero_()

X = torch.randn(8, 10)
Y = torch.randint(0, 2, (8, 1)).float()   # random labels: integers 0 or 1, as floats
optimizer = torch.optim.SGD([*fc1.parameters(), *fc2.parameters()], lr=0.5)
for step in range(50):
    optimizer.zero_grad()
    loss = nn.BCELoss()(torch.sigmoid(fc2(torch.relu(fc1(X)))), Y)
    loss.backward()
    optimizer.step()

# all 5 hidden units got the same gradients at every step, so they are still copies
print(f"loss after 50 steps: {loss.item():.4f}")
print("the 5 rows of fc1.weight are equal:", all(torch.equal(row, fc1.weight[0]) for row in fc1.weight))
print("fc1.weight[:, :3] =")
print(fc1.weight[:, :3].detach())
