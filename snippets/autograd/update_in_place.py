import torch
import torch.nn.functional as F

x, y = torch.tensor([1.1]), torch.tensor([1.0])


def loss_of(w):
    return F.binary_cross_entropy(torch.sigmoid(x * w), y)


# Wrong: w = w - lr * w.grad makes a NEW tensor and points the name w at it
w = torch.tensor([2.2], requires_grad=True)
params = [w]                          # what an optimizer holds: the tensor itself
loss_of(w).backward()
with torch.no_grad():
    w = w - 1.0 * w.grad
print("same tensor as params[0]:", w is params[0])
print(f"params[0] is still {params[0].item():.4f}; the new w requires grad: {w.requires_grad}")
try:
    loss_of(w).backward()             # the new w is not in any graph
except RuntimeError as error:
    print("RuntimeError:", error)

# Right: change the tensor in place, then clear its gradient
w = torch.tensor([2.2], requires_grad=True)
for step in range(2):
    loss_of(w).backward()
    print(f"step {step}: w.grad = {w.grad.item():.4f}")
    with torch.no_grad():
        w -= 1.0 * w.grad             # the same tensor, new numbers
    w.grad = None                     # clear it, or the next backward() adds to it
print(f"w = {w.item():.4f}, requires grad: {w.requires_grad}")
