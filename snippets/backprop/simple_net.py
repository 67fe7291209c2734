import torch
import torch.nn as nn
import torch.optim as optim

torch.manual_seed(123)                 # same weights and input each run
torch.set_printoptions(precision=4, linewidth=72)   # print 4 decimals, lines of at most 72 characters


class SimpleNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(10, 5)    # input layer -> hidden layer
        self.relu = nn.ReLU()
        self.fc2 = nn.Linear(5, 1)     # hidden layer -> output
        self.sigmoid = nn.Sigmoid()

    def forward(self, x):
        h = self.relu(self.fc1(x))
        return self.sigmoid(self.fc2(h))


net = SimpleNet()                      # step 1: initialise the parameters
criterion = nn.BCELoss()
optimizer = optim.SGD(net.parameters(), lr=0.01)

inputs = torch.randn(1, 10)            # one example with 10 features
labels = torch.tensor([[1.0]])         # shape (1, 1), like the output

optimizer.zero_grad()                  # clear gradients of earlier steps
outputs = net(inputs)                  # step 2: forward pass
loss = criterion(outputs, labels)      # step 3: loss
loss.backward()                        # step 4: backward pass, fills .grad
optimizer.step()                       # step 5: param -= lr * param.grad

print("parameters:", sum(p.numel() for p in net.parameters()))
print("output:", outputs)
print("loss:", loss)
for name, param in net.named_parameters():
    print(f"gradient of {name}, shape {tuple(param.grad.shape)}:")
    print(param.grad)
