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
"""
from __future__ import annotations

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


def close(a: str, b: str, rtol: float = RTOL, atol: float = ATOL) -> bool:
    if not any(c in s for s in (a, b) for c in ".eE"):
        return int(a) == int(b)
    x, y = float(a), float(b)
    return abs(x - y) <= atol + rtol * max(abs(x), abs(y)) + max(last_digit_unit(a), last_digit_unit(b))


def same_output(expected: str, printed: str, rtol: float = RTOL, atol: float = ATOL) -> bool:
    """True if `printed` (from a CUDA run) says what `expected` (recorded on the CPU) says."""
    text_e, num_e = split(normalise(expected))
    text_p, num_p = split(normalise(printed))
    return (text_e == text_p and len(num_e) == len(num_p)
            and all(close(a, b, rtol, atol) for a, b in zip(num_e, num_p)))
