import torch
import torch.nn as nn

torch.manual_seed(0)
X = torch.randn(8, 10)                     # the 8 examples of the learning-rate experiment
Y = (X[:, :1] > 0).float()


def train_100_steps(lr):
    torch.manual_seed(123)                 # the same starting weights every time
    net = nn.Sequential(nn.Linear(10, 5), nn.ReLU(), nn.Linear(5, 1), nn.Sigmoid())
    optimizer = torch.optim.SGD(net.parameters(), lr=lr)
    for step in range(100):
        optimizer.zero_grad()
        loss = nn.BCELoss()(net(X), Y)
        loss.backward()
        optimizer.step()
    return loss.item(), net


for lr in [3.0, 10.0, 20.0, 25.0]:
    loss, net = train_100_steps(lr)
    print(f"lr = {lr:4}: loss at step 100 = {loss:.4f}")
print("outputs at lr = 25:", net(X).detach().flatten())
print("targets:           ", Y.flatten())
