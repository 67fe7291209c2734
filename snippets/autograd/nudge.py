import math


def loss(w, x=1.1, b=0.0):                     # the worked example, with y = 1
    a = 1 / (1 + math.exp(-(x * w + b)))
    return -math.log(a)


w, nudge = 2.2, 0.001
before, after = loss(w), loss(w + nudge)
print(f"L(w)         = {before:.7f}")
print(f"L(w + 0.001) = {after:.7f}")
print(f"change in L  = {after - before:.7f}")
print(f"change / 0.001 = {(after - before) / nudge:.4f}")
