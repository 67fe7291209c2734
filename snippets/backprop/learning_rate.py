import torch
import torch.nn as nn

torch.manual_seed(0)
X = torch.randn(8, 10)                     # 8 examples
Y = (X[:, :1] > 0).float()                 # label 1 where the first feature is positive: (8, 1)

STEPS = (1, 2, 3, 10, 100)
print("   lr  loss at step " + " ".join(f"{s:>6}" for s in STEPS) + "  gradient")
for lr in [0.01, 1.0, 30.0]:               # too small, about right, too large
    torch.manual_seed(123)                 # the same starting weights for every learning rate
    net = nn.Sequential(nn.Linear(10, 5), nn.ReLU(), nn.Linear(5, 1), nn.Sigmoid())
    optimizer = torch.optim.SGD(net.parameters(), lr=lr)
    losses = []
    for step in range(100):
        optimizer.zero_grad()
        loss = nn.BCELoss()(net(X), Y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    shown = " ".join(f"{losses[s - 1]:6.4f}" if losses[s - 1] < 10 else f"{losses[s - 1]:6.3f}" for s in STEPS)
    gradient = sum(p.grad.abs().sum().item() for p in net.parameters())   # all |gradients|, added
    print(f"{lr:5}  {' ' * 13}{shown}  {gradient:.0e}")

print("outputs at lr = 30:", net(X).detach().flatten())   # the last network trained
print("targets:           ", Y.flatten())
