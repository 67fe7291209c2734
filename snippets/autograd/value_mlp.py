
# ReLU passes a positive input and its gradient; a negative one gives 0 and gradient 0
on, off = Value(0.5), Value(-0.5)
r_on, r_off = on.relu(), off.relu()
r_on.backward()
r_off.backward()
print(f"ReLU(0.5) = {r_on.data}, grad {on.grad}; ReLU(-0.5) = {r_off.data}, grad {off.grad}")

# A tiny network of Values: 3 inputs -> 4 tanh units -> 4 tanh units -> 1 tanh output
import random

random.seed(0)                   # the same starting weights on every run


class Neuron:
    def __init__(self, n_inputs):
        self.w = [Value(random.uniform(-1, 1)) for _ in range(n_inputs)]   # micrograd's simple choice
        self.b = Value(random.uniform(-1, 1))

    def __call__(self, x):       # tanh(w . x + b)
        return sum((wi * xi for wi, xi in zip(self.w, x)), self.b).tanh()

    def parameters(self):
        return self.w + [self.b]


class MLP:
    def __init__(self, sizes):   # e.g. [3, 4, 4, 1]: one layer for each pair of sizes
        self.layers = [[Neuron(n_in) for _ in range(n_out)] for n_in, n_out in zip(sizes, sizes[1:])]

    def __call__(self, x):
        for layer in self.layers:
            x = [neuron(x) for neuron in layer]
        return x[0]

    def parameters(self):
        return [p for layer in self.layers for neuron in layer for p in neuron.parameters()]


xs = [[2.0, 3.0, -1.0], [3.0, -1.0, 0.5], [0.5, 1.0, 1.0], [1.0, 1.0, -1.0]]
ys = [1.0, -1.0, -1.0, 1.0]      # the target for each input
model = MLP([3, 4, 4, 1])
print("parameters:", len(model.parameters()))

for step in range(1, 31):
    outputs = [model(x) for x in xs]                                    # forward pass
    loss = sum((out - y) * (out - y) for out, y in zip(outputs, ys)) * (1 / len(xs))   # mean squared error
    for p in model.parameters():
        p.grad = 0.0                                                    # clear the old gradients
    loss.backward()                                                     # backward pass
    for p in model.parameters():
        p.data -= 0.2 * p.grad                                          # gradient descent step
    if step in (1, 2, 5, 10, 20, 30):
        print(f"step {step:2}: loss = {loss.data:.4f}")
print("outputs:", [round(model(x).data, 2) for x in xs], "targets:", ys)
