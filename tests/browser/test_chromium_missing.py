"""Without a usable Chromium, `pytest` gives one failure that says how to install one.

A browser test (it checks how the browser suite behaves), run with them: `pytest -m browser`
or the whole `pytest`. Without Chromium it is left out itself (tests/browser/conftest.py),
so the run it starts never starts another.
"""
import os
import subprocess
import sys

import pytest

from tools.page import ROOT

pytestmark = pytest.mark.browser


def test_one_clear_failure_without_chromium(tmp_path):
    env = dict(os.environ, CHROMIUM_PATH=str(tmp_path / "no-chromium"))
    run = subprocess.run([sys.executable, "-m", "pytest", "tests/browser", "-q", "-p", "no:cacheprovider"],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    summary = run.stdout.strip().splitlines()[-1]
    assert run.returncode == 1, run.stdout[-3000:]
    assert summary.startswith("1 failed, ") and "deselected" in summary and "error" not in summary, summary
    assert "apt-get install chromium fonts-noto-core" in run.stdout and "CHROMIUM_PATH" in run.stdout
    assert "Traceback" not in run.stdout
