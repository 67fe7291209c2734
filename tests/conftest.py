import pytest


def pytest_addoption(parser):
    group = parser.getgroup("docs", "doc tests")
    group.addoption("--update-outputs", action="store_true",
                    help="write what each snippet prints into its .out file or output block")
    group.addoption("--device", default="cpu", choices=["cpu", "cuda"],
                    help="default torch device for the snippets (cuda: see tests/cuda_output.py)")


@pytest.fixture(scope="session")
def run_cache():
    """One run per distinct code and device, shared by the English and Hindi pages."""
    return {}
