
# Checked against PyTorch: the same loss, the same gradients
import torch
import torch.nn.functional as F

w_t = torch.tensor(2.2, dtype=torch.float64, requires_grad=True)
b_t = torch.tensor(0.0, dtype=torch.float64, requires_grad=True)
F.binary_cross_entropy(torch.sigmoid(1.1 * w_t + b_t), torch.tensor(1.0, dtype=torch.float64)).backward()
print(f"PyTorch: dL/dw = {w_t.grad.item():.4f}, dL/db = {b_t.grad.item():.4f}")
print("the same:", math.isclose(w.grad, w_t.grad.item()), math.isclose(b.grad, b_t.grad.item()))
