"""The CUDA normalisation (tools/cuda_output.py) accepts what CUDA changes, nothing more."""
import contextlib
import gc

import pytest

from tools.cuda_output import cpu_random, normalise, same_output

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


def test_cuda_style_output_matches_the_cpu_recording():
    assert same_output(CPU, CUDA)


def test_cpu_output_matches_itself():
    assert same_output(CPU, CPU)


@pytest.mark.parametrize("cpu, cuda", [
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
])
def test_real_differences_fail(cpu, cuda):
    assert not same_output(cpu, cuda)


def test_a_real_numeric_difference_in_the_fixture_fails():
    assert not same_output(CPU, CUDA.replace("0.4033", "0.4043"))


# --- cpu_random(): random draws on the CPU generator during a CUDA run ----------------------
# No GPU here: the "meta" device stands in for CUDA (it has no values, but a draw on it does
# not touch the CPU generator either). Drawing the same numbers leaves the CPU generator in
# the same state as the plain CPU run. torch is imported by the first test that needs it, not
# while the tests are collected (then the session's slow background work starts sooner).

@pytest.fixture(scope="module")
def torch():
    """torch, and the compiler stack that the meta device and the dispatch modes below import on
    first use. Their ~300,000 objects live all session: imported with the garbage collector
    paused (each full collection while importing would walk them all again, most of a second
    in all), then frozen, so that later collections skip them too."""
    gc.disable()
    try:
        import torch
        import torch._dynamo
    finally:
        gc.freeze()
        gc.enable()
    return torch


SEEDED_CODE = """
torch.manual_seed(123)
model = torch.nn.Sequential(torch.nn.Linear(10, 5), torch.nn.Dropout(0.5), torch.nn.Linear(5, 1))
torch.nn.init.normal_(model[0].weight, std=0.02)
x = torch.randn(4, 10)
tokens = torch.randint(0, 50, (2, 3))
y = model(x)
picked = torch.multinomial(torch.softmax(torch.ones(3, 7), dim=-1), 2)
"""


def cpu_generator_state_after(torch, device, mode=contextlib.nullcontext()):
    torch.set_default_device(device)
    try:
        with mode:
            exec(SEEDED_CODE, {"torch": torch})
    finally:
        torch.set_default_device("cpu")
    return torch.get_rng_state()


def test_cpu_random_draws_what_the_cpu_draws(torch):
    on_cpu = cpu_generator_state_after(torch, "cpu")
    assert torch.equal(cpu_generator_state_after(torch, "meta", cpu_random("meta")), on_cpu)


def test_without_cpu_random_another_device_draws_elsewhere(torch):
    assert not torch.equal(cpu_generator_state_after(torch, "meta"), cpu_generator_state_after(torch, "cpu"))


def test_cpu_random_changes_nothing_on_the_cpu(torch):
    def draws():
        torch.manual_seed(0)
        return torch.nn.functional.dropout(torch.randn(5, 5), 0.5), torch.nn.Linear(3, 2).weight

    plain = draws()
    with cpu_random("cpu"):  # every draw goes through the redirection, to the same device
        shimmed = draws()
    assert all(torch.equal(a, b) for a, b in zip(plain, shimmed))


def test_fused_dropout_is_drawn_as_the_cpu_draws_it(torch):
    torch.manual_seed(0)
    torch.nn.functional.dropout(torch.ones(8), 0.5)
    on_cpu = torch.get_rng_state()
    torch.manual_seed(0)
    with cpu_random("meta"):  # CUDA's dropout is the fused native_dropout
        out, mask = torch.ops.aten.native_dropout(torch.ones(8, device="meta"), 0.5, True)
    assert out.device.type == "meta" and mask.dtype == torch.bool
    assert torch.equal(torch.get_rng_state(), on_cpu)


def test_cpu_random_leaves_other_devices_alone(torch):
    """A CUDA run of a snippet that builds a model on "meta" draws nothing there, as on the CPU."""
    assert torch.equal(cpu_generator_state_after(torch, "meta", cpu_random("cuda")),
                       cpu_generator_state_after(torch, "meta"))
