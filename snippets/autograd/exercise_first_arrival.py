
import torch

# L = a*a + a with a = 2w, at w = 3: dL/dw = (2a + 1) * 2 = 26
def first_arrival_backward(loss):
    """Wrong on purpose: pass a value's gradient on the first time it arrives."""
    loss.grad = 1.0
    passed_on = set()

    def walk(v):
        for parent, local in v.parents:
            parent.grad += local * v.grad
            if parent not in passed_on:       # parent passes on what it has so far
                passed_on.add(parent)
                walk(parent)

    walk(loss)


for name in ["topological order", "first arrival"]:
    w = Value(3.0)
    a = w * 2.0
    L = a * a + a
    if name == "topological order":
        L.backward()
    else:
        first_arrival_backward(L)
    print(f"{name:17}: dL/da = {a.grad}, dL/dw = {w.grad}")

w_t = torch.tensor(3.0, requires_grad=True)
a_t = w_t * 2.0
(a_t * a_t + a_t).backward()
print(f"{'PyTorch':17}: dL/dw = {w_t.grad.item()}")
