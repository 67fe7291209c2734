"""The CUDA normalisation (tools/cuda_output.py) accepts what CUDA changes, nothing more."""
import re
from pathlib import Path

import pytest

from tools.cuda_output import normalise, same_output
from tools.page import ROOT
from helpers import printed_in_a_process

CPU = """\
tensor([[ 1.5410, -0.2934, -2.1788,  0.5684],
        [-1.0845, -1.3986,  0.4033,  0.8380]], dtype=torch.float64)
tensor([[-1.7133,  2.2012, -2.1424]], grad_fn=<MulBackward0>)
Parameter containing:
tensor([-0.8920, -1.5091], requires_grad=True)
tensor([], size=(0, 3))
loss: 0.693147180559945
argmax: 3
"""

# The same output as CUDA prints it: device suffixes (one wrapped onto its own line),
# last-digit differences, -0.0000 for 0.0000, realigned columns, float noise in a full repr.
CUDA = """\
tensor([[ 1.5411, -0.2934, -2.1788,  0.5684],
        [-1.0845, -1.3986,  0.4033,  0.8380]], device='cuda:0',
       dtype=torch.float64)
tensor([[-1.7133,  2.2012, -2.1424]], device='cuda:0', grad_fn=<MulBackward0>)
Parameter containing:
tensor([-0.8920, -1.5091], device='cuda:0', requires_grad=True)
tensor([], device='cuda:0', size=(0, 3))
loss: 0.6931471805599461
argmax: 3
"""


def test_normalise_drops_the_cuda_device():
    assert normalise("tensor([1., 2.], device='cuda:0', requires_grad=True)") == \
        "tensor([1., 2.], requires_grad=True)"
    assert normalise("tensor([1., 2.],\n       device='cuda:0')") == "tensor([1., 2.])"
    assert "cuda" not in normalise(CUDA)


@pytest.mark.parametrize("cpu, cuda", [
    (CPU, CUDA),                                                      # the fixture as CUDA prints it
    (CPU, CPU),
    ("tensor([0.1234])", "tensor([0.1235], device='cuda:0')"),        # last digit flips
    ("tensor([0.0000])", "tensor([-0.0000], device='cuda:0')"),       # signed zero
    ("tensor([1.0000e-08, 1.0000e+00])", "tensor([1.0001e-08, 1.0000e+00], device='cuda:0')"),
    ("x = 0.0", "x = 3e-07"),                                         # ATOL near zero
    ("tensor([ 10.0000, 2.0000])", "tensor([9.9999, 2.0000], device='cuda:0')"),  # realigned
])
def test_differences_that_come_from_the_device_pass(cpu, cuda):
    assert same_output(cpu, cuda)


@pytest.mark.parametrize("cpu, cuda", [
    ("tensor([0.1234])", "tensor([0.1237], device='cuda:0')"),        # 3 units in the last digit
    ("loss: 0.693147180559945", "loss: 0.6932471805599"),             # rtol 1e-4 exceeded
    ("tensor([1.0000e+03])", "tensor([1.0003e+03], device='cuda:0')"),
    ("argmax: 3", "argmax: 4"),                                       # integers are exact
    ("tensor([1, 2])", "tensor([1, 2, 3], device='cuda:0')"),         # one number more
    ("tensor([1., 2.])", "tensor([1., 2.], dtype=torch.float64, device='cuda:0')"),  # text differs
    ("True", "False"),
    ("cpu", "cuda:0"),                                                # device facts are not normalised
    ("torch.float32", "torch.float64"),                               # digits inside names are text
    (CPU, CUDA.replace("0.4033", "0.4043")),                          # a real numeric difference in the fixture
])
def test_real_differences_fail(cpu, cuda):
    assert not same_output(cpu, cuda)


# --- cpu_random(): tests/cpu_random_checks.py, in its own process -----------------------------

def cpu_random_checks(folder):
    """tests/cpu_random_checks.py in a pytest of its own (it needs torch; see its docstring), in
    the background; kept while it, tools/cuda_output.py and torch stay the same."""
    checks = Path(__file__).with_name("cpu_random_checks.py")
    return printed_in_a_process("-m", "pytest", "-q", "-p", "no:cacheprovider", "--noconftest", str(checks),
                                reads=(checks, ROOT / "tools" / "cuda_output.py"))


EARLY = [cpu_random_checks]


def test_cpu_random_draws_what_the_cpu_would_draw(early):
    """Every test of tests/cpu_random_checks.py passes (a failure shows its output)."""
    out = early(cpu_random_checks)
    assert re.match(r"5 passed in ", out.strip().splitlines()[-1]), out
