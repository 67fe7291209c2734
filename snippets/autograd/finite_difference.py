import math


def loss(w, x=1.1, b=0.0, y=1.0):
    a = 1 / (1 + math.exp(-(x * w + b)))
    return -(y * math.log(a) + (1 - y) * math.log(1 - a))


w, h = 2.2, 1e-5
estimate = (loss(w + h) - loss(w - h)) / (2 * h)    # central difference

a = 1 / (1 + math.exp(-1.1 * w))
by_hand = (a - 1.0) * 1.1                           # (a - y) * x

print(f"central difference: {estimate:.10f}")
print(f"(a - y) * x:        {by_hand:.10f}")
print("they agree to 1e-9:", abs(estimate - by_hand) < 1e-9)
