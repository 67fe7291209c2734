import torch
import torch.nn as nn

torch.manual_seed(123)             # as in SimpleNet: the same numbers
fc1, fc2 = nn.Linear(10, 5), nn.Linear(5, 1)
inputs = torch.randn(1, 10)
labels = torch.tensor([[1.0]])
outputs = torch.sigmoid(fc2(torch.relu(fc1(inputs))))
nn.BCELoss()(outputs, labels).backward()

delta2 = (outputs - labels).item()
delta1_4 = delta2 * fc2.weight[0, 4].item() * 1.0      # unit 4 is active: ReLU' = 1
row_4 = delta1_4 * inputs[0]                           # dL/dW1[4, i] = delta1_4 * x_i
torch.set_printoptions(precision=4, linewidth=72)   # 4 decimals, lines of at most 72 characters
print(f"delta1_4 = {delta1_4:.4f}")
print("x =", inputs[0])
print("delta1_4 * x =", row_4)
print("autograd's row 4 of fc1.weight.grad:", fc1.weight.grad[4])
print(torch.allclose(fc1.weight.grad[4], row_4))
