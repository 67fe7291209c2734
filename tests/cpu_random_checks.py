"""cpu_random() (tools/cuda_output.py): random draws on the CPU generator during a CUDA run.

Not collected by name: tests/test_cuda_output.py runs this file in a pytest of its own, in the
background (conftest: EARLY), because these tests import torch and the compiler stack that the
meta device and dispatch modes load (about 2 s), which would otherwise be the longest wait of
`pytest -m "not browser"`. Run alone: `pytest tests/cpu_random_checks.py`.
"""
import contextlib
import gc

import pytest

from tools.cuda_output import cpu_random

# --- cpu_random(): random draws on the CPU generator during a CUDA run ----------------------
# No GPU here: the "meta" device stands in for CUDA (it has no values, but a draw on it does
# not touch the CPU generator either). Drawing the same numbers leaves the CPU generator in
# the same state as the plain CPU run.

@pytest.fixture(scope="module")
def torch():
    """torch, and the compiler stack that the meta device and the dispatch modes below import on
    first use. Their ~300,000 objects live as long as this process: imported with the garbage
    collector paused (each full collection while importing would walk them all again, most of
    a second in all), then frozen, so that later collections skip them too."""
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
