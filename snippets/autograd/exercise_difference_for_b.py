import math


def loss(b, x=1.1, w=2.2, y=1.0):              # now a function of b, with w fixed
    a = 1 / (1 + math.exp(-(x * w + b)))
    return -(y * math.log(a) + (1 - y) * math.log(1 - a))


b, h = 0.0, 1e-5
estimate = (loss(b + h) - loss(b - h)) / (2 * h)    # central difference in b

a = 1 / (1 + math.exp(-1.1 * 2.2))
by_hand = a - 1.0                                   # a - y

print(f"central difference: {estimate:.10f}")
print(f"a - y:              {by_hand:.10f}")
print("they agree to 1e-9:", abs(estimate - by_hand) < 1e-9)
