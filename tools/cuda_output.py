"""How a snippet's output on CUDA is compared with the output recorded on the CPU.

The .out files are recorded on the CPU and compared exactly there. With `--device cuda`
one normalisation applies, and only this one:

1. `normalise(text)` drops the device from tensor reprs: `, device='cuda:0'` (also when
   torch wrapped it onto its own line, and before `requires_grad=`, `grad_fn=`, `dtype=`).
2. `same_output(expected, printed)` splits both texts into numbers and the text between
   them. The text must be the same except for whitespace (torch realigns the columns of a
   tensor and rewraps its suffixes when digits or the device suffix change). There must be
   as many numbers, and each pair must agree:
   - integers (no `.` and no exponent) exactly;
   - other numbers within RTOL = 1e-4 relative, ATOL = 1e-6 absolute (for values that
     should be zero), plus one unit in the last digit shown (0.1234 vs 0.1235 is a
     rounding flip, not a difference).

Anything else the output says about the device (`print(x.device)`) is not normalised:
snippets print only device-independent facts.

Random numbers: CUDA's generator draws other numbers than the CPU's for the same seed, so a
seeded snippet (torch.randn, nn.Linear's initial weights, dropout) prints other values on a
GPU, whatever the tolerance. During a CUDA run, `cpu_random()` makes every random draw on the
CPU generator and moves the result to the GPU: the test then checks that the GPU computes
the same numbers from the same random inputs. (A reader's GPU shows other random values.)
Not covered: random draws inside fused CUDA kernels, such as dropout within
scaled_dot_product_attention (dropout_p > 0 while training).
"""
from __future__ import annotations

import contextlib
import re

RTOL = 1e-4
ATOL = 1e-6

CUDA_DEVICE = re.compile(r",\s*device='cuda(?::\d+)?'")
NUMBER = re.compile(r"(?<![\w.])[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?")
WHITESPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """The text without the `device='cuda:N'` argument of tensor reprs."""
    return CUDA_DEVICE.sub("", text)


def split(text: str) -> tuple[list[str], list[str]]:
    """(text pieces without whitespace, numbers as written); len(pieces) == len(numbers) + 1."""
    parts = NUMBER.split(text)
    numbers = NUMBER.findall(text)
    return [WHITESPACE.sub("", p) for p in parts], numbers


def last_digit_unit(number: str) -> float:
    """One unit in the last digit shown: '0.1234' -> 1e-4, '1.5e-03' -> 1e-4, '19.' -> 1."""
    mantissa, _, exponent = number.lower().partition("e")
    decimals = len(mantissa.partition(".")[2])
    return 10.0 ** (int(exponent or 0) - decimals)


def close(a: str, b: str) -> bool:
    if not any(c in s for s in (a, b) for c in ".eE"):
        return int(a) == int(b)
    x, y = float(a), float(b)
    return abs(x - y) <= ATOL + RTOL * max(abs(x), abs(y)) + max(last_digit_unit(a), last_digit_unit(b))


def same_output(expected: str, printed: str) -> bool:
    """True if `printed` (from a CUDA run) says what `expected` (recorded on the CPU) says."""
    text_e, num_e = split(normalise(expected))
    text_p, num_p = split(normalise(printed))
    return (text_e == text_p and len(num_e) == len(num_p)
            and all(close(a, b) for a, b in zip(num_e, num_p)))


# --- random draws on the CPU generator ---------------------------------------------------

RANDOM_OPS = {"rand", "randn", "randint", "randperm", "rand_like", "randn_like", "randint_like",
              "normal", "bernoulli", "multinomial", "poisson", "binomial",
              "uniform_", "normal_", "bernoulli_", "random_", "exponential_", "geometric_",
              "log_normal_", "cauchy_"}


def _cpu_copy(t):
    """A copy of t on the CPU; a "meta" tensor (no values: the tests' stand-in for CUDA) gives ones."""
    import torch

    return torch.ones_like(t, device="cpu") if t.is_meta else t.to("cpu", copy=True)


def _draw_on_cpu(func, args, kwargs, device_type):
    """Run the random op `func` on CPU copies of its tensors; results go back where they were."""
    import torch
    from torch.utils._pytree import tree_leaves, tree_map

    tensors = [t for t in tree_leaves((args, kwargs)) if isinstance(t, torch.Tensor)]
    device = kwargs.get("device") or (tensors[0].device if tensors else None)
    if device is None or torch.device(device).type != device_type:
        return func(*args, **kwargs)
    originals = {}

    def to_cpu(t):
        if not isinstance(t, torch.Tensor):
            return t
        copy = _cpu_copy(t)
        originals[id(copy)] = t
        return copy

    cpu_args, cpu_kwargs = tree_map(to_cpu, (args, kwargs))
    if "device" in cpu_kwargs:
        cpu_kwargs["device"] = torch.device("cpu")
    result = func(*cpu_args, **cpu_kwargs)
    written = {a.name for a in func._schema.arguments if a.alias_info and a.alias_info.is_write}
    named = {**dict(zip((a.name for a in func._schema.arguments), cpu_args)), **cpu_kwargs}
    for name in written:  # in-place draws (uniform_, out=): copy into the original tensor
        originals[id(named[name])].copy_(named[name])

    def back(t):
        if not isinstance(t, torch.Tensor):
            return t
        return originals[id(t)] if id(t) in originals else t.to(device)

    return tree_map(back, result)


def _native_dropout_on_cpu(device_type, x, p, train):
    """CUDA's fused dropout, as the CPU computes it: a Bernoulli(1 - p) mask scaled by 1 / (1 - p)."""
    import torch

    if not train or x.device.type != device_type:
        return torch.ops.aten.native_dropout.default(x, p, train)
    noise = torch.empty_like(x, device="cpu").bernoulli_(1 - p).div_(1 - p)
    return (_cpu_copy(x) * noise).to(x.device), (noise != 0).to(x.device)


@contextlib.contextmanager
def cpu_random(device_type: str = "cuda"):
    """Within: random draws for tensors on `device_type` use the CPU generator. Other devices
    are left alone (a snippet may build a model on "meta", which draws nothing)."""
    import torch
    from torch.utils._python_dispatch import TorchDispatchMode

    class CpuRandom(TorchDispatchMode):
        def __torch_dispatch__(self, func, types, args=(), kwargs=None):
            kwargs = kwargs or {}
            name = func.overloadpacket.__name__
            if name == "native_dropout":
                return _native_dropout_on_cpu(device_type, *args, **kwargs)
            if name in RANDOM_OPS:
                return _draw_on_cpu(func, args, kwargs, device_type)
            return func(*args, **kwargs)

    with CpuRandom():
        yield
