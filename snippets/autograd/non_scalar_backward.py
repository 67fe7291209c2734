import torch

w = torch.tensor(2.0, requires_grad=True)
x = torch.tensor([1.0, 2.0, 3.0])          # three examples
losses = (x * w - 1.0) ** 2                # one loss per example: 3 numbers
print(losses)
try:
    losses.backward()                      # which of the 3 numbers should go down?
except RuntimeError as error:
    print("RuntimeError:", error)

losses.mean().backward()                   # one number: the mean loss
print(f"mean loss {losses.mean().item():.4f}, dL/dw = {w.grad.item():.4f}")

w.grad = None
((x * w - 1.0) ** 2).sum().backward()      # a new graph (backward() freed the old one)
print(f"sum: dL/dw = {w.grad.item():.4f}, 3 times the mean's: it grows with the batch")
