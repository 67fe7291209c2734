"""The browser tests need Chromium. Without a usable one this is the only browser test that
runs (tests/browser/conftest.py leaves the others out), and it fails saying how to get one."""
import pytest

pytestmark = pytest.mark.browser


def test_chromium_is_usable(chromium_problem_found):
    if chromium_problem_found:
        pytest.fail(chromium_problem_found, pytrace=False)
