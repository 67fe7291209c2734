import torch
import torch.nn as nn
import torch.optim as optim

torch.manual_seed(123)                 # the same weights and input as simple_net.py
net = nn.Sequential(nn.Linear(10, 5), nn.ReLU(), nn.Linear(5, 1), nn.Sigmoid())
optimizer = optim.SGD(net.parameters(), lr=0.01)
inputs, labels = torch.randn(1, 10), torch.tensor([[1.0]])
fc2 = net[2]

loss = nn.BCELoss()(net(inputs), labels)
loss.backward()
before = fc2.bias.item()
optimizer.step()                       # fc2.bias -= 0.01 * fc2.bias.grad
after = fc2.bias.item()

print(f"gradient of fc2.bias: {fc2.bias.grad.item():.4f}")
print(f"fc2.bias before:      {before:.4f}")
print(f"fc2.bias after:       {after:.4f}")
print(f"change:               {after - before:.6f}")
