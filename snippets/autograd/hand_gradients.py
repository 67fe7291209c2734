import math

# The worked example: one neuron with a sigmoid and binary cross-entropy.
x, w, b, y = 1.1, 2.2, 0.0, 1.0

# Forward pass, one step at a time
z = x * w + b
a = 1 / (1 + math.exp(-z))                            # sigmoid
L = -(y * math.log(a) + (1 - y) * math.log(1 - a))    # binary cross-entropy

# Backward pass: the chain rule, one factor per step
dL_da = -y / a + (1 - y) / (1 - a)
da_dz = a * (1 - a)
dL_dz = dL_da * da_dz       # simplifies to a - y
dL_dw = dL_dz * x           # because dz/dw = x
dL_db = dL_dz * 1           # because dz/db = 1

for name, value in [("z", z), ("a", a), ("L", L),
                    ("dL/da", dL_da), ("da/dz", da_dz), ("dL/dz", dL_dz),
                    ("a - y", a - y), ("dL/dw", dL_dw), ("dL/db", dL_db)]:
    print(f"{name:5} = {value:.4f}")
