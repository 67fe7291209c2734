import math


def loss(b, x=1.1, w=2.2):                     # the worked example, with y = 1
    a = 1 / (1 + math.exp(-(x * w + b)))
    return -math.log(a)


b, nudge = 0.0, 0.001
change = loss(b + nudge) - loss(b)
print(f"change in L    = {change:.7f}")
print(f"change / 0.001 = {change / nudge:.4f}")
