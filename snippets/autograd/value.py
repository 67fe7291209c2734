import math


class Value:
    """One number, the operations that made it, and the gradient of the loss with respect to it."""

    def __init__(self, data, parents=()):
        self.data = data
        self.grad = 0.0
        self.parents = parents   # pairs (input, local derivative of this value with respect to it)

    def __add__(self, other):    # d(u + v)/du = 1, d(u + v)/dv = 1
        other = other if isinstance(other, Value) else Value(other)
        return Value(self.data + other.data, ((self, 1.0), (other, 1.0)))

    def __mul__(self, other):    # d(uv)/du = v, d(uv)/dv = u
        other = other if isinstance(other, Value) else Value(other)
        return Value(self.data * other.data, ((self, other.data), (other, self.data)))

    __radd__, __rmul__ = __add__, __mul__     # so that 2 * w and 1 + a work too

    def __neg__(self):
        return self * -1.0

    def __sub__(self, other):    # u - v = u + (-1)v
        return self + (-1.0) * other

    def sigmoid(self):           # dσ(z)/dz = σ(z)(1 - σ(z))
        s = 1 / (1 + math.exp(-self.data))
        return Value(s, ((self, s * (1 - s)),))

    def log(self):               # d ln(u)/du = 1/u
        return Value(math.log(self.data), ((self, 1 / self.data),))

    def tanh(self):              # d tanh(u)/du = 1 - tanh(u)^2
        t = math.tanh(self.data)
        return Value(t, ((self, 1 - t * t),))

    def relu(self):              # d ReLU(u)/du = 1 if u > 0, else 0
        return Value(max(self.data, 0.0), ((self, 1.0 if self.data > 0 else 0.0),))

    def backward(self):
        order, seen = [], set()

        def visit(v):            # topological order: each value after the values it was made from
            if v not in seen:
                seen.add(v)
                for parent, _ in v.parents:
                    visit(parent)
                order.append(v)

        visit(self)
        self.grad = 1.0          # dL/dL = 1
        for v in reversed(order):                 # from the loss back to the inputs
            for parent, local in v.parents:
                parent.grad += local * v.grad     # chain rule; += adds up the paths


# The worked example: z = xw + b, a = σ(z), L = -ln a (binary cross-entropy with y = 1)
x, w, b = Value(1.1), Value(2.2), Value(0.0)
L = -(x * w + b).sigmoid().log()
L.backward()
print(f"L     = {L.data:.4f}")
print(f"dL/dw = {w.grad:.4f}")
print(f"dL/db = {b.grad:.4f}")
