"""pytest's setup for the whole repository: the doc tests (tools/pytest_doctests.py), for
`pytest docs/...` as much as for `pytest tests/...`."""
import os

# torch's threads sleep while they wait for work instead of spinning (OpenMP's default): the
# suite runs snippets beside builds and Chromiums, and spinning threads took CPU from them
# (cold doc tests beside two busy cores: 39 CPU-s spinning, 18 sleeping). What the code prints
# does not change; set before torch is imported, and inherited by the suite's subprocesses.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

pytest_plugins = ["tools.pytest_doctests"]
