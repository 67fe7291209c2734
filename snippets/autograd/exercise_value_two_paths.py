
# The two-paths example, L = 2w + w*w at w = 3, with Value instead of PyTorch
w = Value(3.0)
L = 2 * w + w * w
L.backward()
print("dL/dw with Value:", w.grad)
