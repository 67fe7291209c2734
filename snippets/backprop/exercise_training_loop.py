import torch
import torch.nn as nn
import torch.optim as optim

torch.manual_seed(123)                 # the same weights and input as simple_net.py
net = nn.Sequential(nn.Linear(10, 5), nn.ReLU(), nn.Linear(5, 1), nn.Sigmoid())
criterion = nn.BCELoss()
optimizer = optim.SGD(net.parameters(), lr=0.01)
inputs, labels = torch.randn(1, 10), torch.tensor([[1.0]])

for step in range(1, 201):             # steps 2 to 5 of the algorithm, repeated
    optimizer.zero_grad()
    outputs = net(inputs)
    loss = criterion(outputs, labels)
    loss.backward()
    optimizer.step()
    if step in (1, 50, 100, 200):
        print(f"step {step:3}: output {outputs.item():.4f}, loss {loss.item():.4f}")
