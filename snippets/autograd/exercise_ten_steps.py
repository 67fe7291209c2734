import torch
import torch.nn.functional as F

x, y = torch.tensor([1.1]), torch.tensor([1.0])
w = torch.tensor([2.2], requires_grad=True)
b = torch.tensor([0.0], requires_grad=True)

for step in range(1, 11):
    loss = F.binary_cross_entropy(torch.sigmoid(x * w + b), y)
    w.grad, b.grad = None, None                # clear the gradients of the last step
    loss.backward()
    with torch.no_grad():
        w -= 1.0 * w.grad
        b -= 1.0 * b.grad
    if step in (1, 2, 10):
        print(f"step {step:2}: L = {loss.item():.4f}")
