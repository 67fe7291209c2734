"""The browser tests need Chromium. Without a usable one this is the only browser test that
runs (tests/browser/conftest.py leaves the others out), and it fails saying how to get one."""
import pytest

from conftest import CHROMIUM_PROBLEM

pytestmark = pytest.mark.browser


def test_chromium_is_usable(request):
    problem = request.config.stash.get(CHROMIUM_PROBLEM, None)
    if problem:
        pytest.fail(problem, pytrace=False)
