"""python -m tools.drift: a planted difference shows in its table and fails; bad input is one line.

No test installs torch: the venv step (`prepare`) is replaced by this interpreter where a
test runs the doc tests, and pip's answers are recorded ones.
"""
import json
import subprocess
import sys
from types import SimpleNamespace

import pytest

from tools import doctest_report, drift
from tools.page import ROOT, pages, parse_page

from helpers import LIE, make_project, plant_lies

# A tiny copy of the project: the engine, its pytest plugin and pytest's settings, and fixture pages.
PAGES = {
    "en/steady.md": "# Steady\n\n```python\nprint(6 * 7)\n```\n\n```text\n42\n```\n",
    "hi/steady.md": "# स्थिर\n\n```python\nprint(6 * 7)\n```\n\n```text\n42\n```\n",
    # the planted difference: the page shows what an older release printed
    "en/drifted.md": "# Drifted\n\n```python\nprint(6 * 7)\n```\n\n```text\n42\n```\n\n"
                     "```python\nprint('ok')\n```\n\n```text\nokay\n```\n",
}


def here_as_venv(folder):
    """A folder whose bin/python is this interpreter, for `prepare` to give."""
    (folder / "bin").mkdir(parents=True)
    (folder / "bin" / "python").write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n')
    (folder / "bin" / "python").chmod(0o755)
    return folder


def doc_tests(project, *args):
    return subprocess.run([sys.executable, "-m", "pytest", "docs", "-q", "-p", "no:cacheprovider",
                           *args], cwd=project, capture_output=True, text=True)


REAL_RUN = drift.run  # as imported: tests below replace drift.run while this runs in the background


def real_runs(folder):
    """The fixture project's doc tests, run for real three times in this order (the only
    subprocesses here; in the background, conftest: EARLY): plainly, writing a.json; as
    `python -m tools.drift` runs them (`drift.run`, with this interpreter as the venv's),
    with LIE planted in every stored output; with --update-outputs, LIE planted again."""
    root, venv = make_project(folder, PAGES), here_as_venv(folder / "venv")
    memo = root / ".cache" / "snippet-runs"
    plain = doc_tests(root, "--docs-report", "a.json")
    lies = plant_lies(memo)
    report = REAL_RUN(str(venv / "bin" / "python"), venv / "doctest-report.json", root)
    lies_again = plant_lies(memo)
    update = doc_tests(root, "--update-outputs", "--docs-report", "c.json")
    return SimpleNamespace(root=root, venv=venv, plain=plain, lies=(lies, lies_again), report=report, update=update)


EARLY = [real_runs]


@pytest.fixture(scope="module")
def runs(early):
    return early(real_runs)


def test_a_planted_difference_shows_in_the_table_and_fails(runs, monkeypatch, capsys):
    def the_real_run(python, report):  # made in the background (real_runs); main's part is the rest
        assert (python, report) == (str(runs.venv / "bin" / "python"), runs.venv / "doctest-report.json")
        return runs.report

    monkeypatch.setattr(drift, "prepare", lambda python, torch: runs.venv)
    monkeypatch.setattr(drift, "run", the_real_run)
    assert drift.main(["--torch", "2.13.0"]) == 1
    out = capsys.readouterr().out
    rows = {tuple(line.split()) for line in out.splitlines()}
    assert ("drifted.md", "en", "1", "1") in rows, out
    assert ("steady.md", "en", "1", "0") in rows and ("steady.md", "hi", "1", "0") in rows, out
    assert "-okay\n+ok\n" in out                      # the diff itself
    diffs = (runs.venv / "diffs.txt").read_text(encoding="utf-8")
    assert "docs/en/drifted.md [en] line 11" in diffs and "-okay\n+ok\n" in diffs
    assert "steady" not in diffs and diffs.count("-okay") == 1  # each failure once, no exception chain
    report = json.loads((runs.venv / "doctest-report.json").read_text(encoding="utf-8"))
    assert report["pages"]["en/drifted.md"]["status"] == "failed"
    assert report["pages"]["en/steady.md"]["status"] == "passed"  # not blamed for another page


def test_drift_and_update_outputs_run_every_block_whatever_the_memo_holds(runs):
    assert runs.lies == (3, 3), ("each run stores 3: 2 distinct blocks with the default thread count, and with "
                                 "1 thread the one that printed what its page shows")
    assert runs.report["pages"]["en/steady.md"]["status"] == "passed"  # drift ran the code: no lie
    assert runs.report["pages"]["hi/steady.md"]["status"] == "passed"
    page = (runs.root / "docs/en/drifted.md").read_text(encoding="utf-8")
    assert "```text\nok\n```" in page and LIE.strip() not in page


def test_the_report_is_deterministic_apart_from_its_date_and_update_outputs_writes_none(runs):
    plain, by_drift = runs.root / "a.json", runs.venv / "doctest-report.json"
    reports = [json.loads(path.read_text(encoding="utf-8")) for path in (plain, by_drift)]
    assert all(report.pop("date") for report in reports)
    assert reports[0] == reports[1]
    assert reports[0]["pages"]["en/drifted.md"]["failures"][0]["test"].startswith("en/drifted.md:11:inline")
    assert plain.read_bytes() == by_drift.read_bytes()  # same day, same bytes
    assert "okay" not in (runs.root / "docs/en/drifted.md").read_text(encoding="utf-8")  # it did record
    assert not (runs.root / "c.json").exists()  # recording is not checking


def test_the_summary_says_how_many_blocks_ran_and_were_reused(runs):
    assert ("doc-test blocks: 3 run, 0 reused from .cache/snippet-runs/ (same code, snippets, engine, device, "
            "threads, torch, numpy, python)") in runs.plain.stdout
    assert "doc-test blocks: 4 run, none reused (--update-outputs runs everything)" in runs.update.stdout


def test_no_difference_exits_zero_with_an_empty_diff_file(tmp_path, monkeypatch, capsys):
    """What main makes of a report where every block passed (real runs: the fixture `runs`)."""
    docs = make_project(tmp_path, PAGES) / "docs"
    (docs / "en" / "drifted.md").unlink()
    collector = doctest_report.Collector("cpu")
    for page in pages(docs):
        for block in parse_page(page):
            collector.add(block.test_id, doctest_report.page_key(block.page), "passed")
    monkeypatch.setattr(drift, "prepare", lambda python, torch: tmp_path)
    monkeypatch.setattr(drift, "run", lambda python, report: collector.report(docs))
    assert drift.main(["--torch", "2.13.0", "--diff-file", str(tmp_path / "d.txt")]) == 0
    assert "2 blocks passed, 0 differ" in capsys.readouterr().out
    assert (tmp_path / "d.txt").read_text() == ""


@pytest.mark.parametrize("argv, message", [
    (["--torch", "latest-ish"], "--torch 'latest-ish' is not a version number"),
    (["--torch", "2.14.1", "--python", "three"], "--python 'three' is not a Python version"),
    (["--torch", "2.14.1", "--python", "3.99"], "no Python 3.99 on this machine"),
])
def test_bad_input_is_one_line(argv, message, capsys, monkeypatch):
    monkeypatch.setattr(drift, "prepare", lambda *a: pytest.fail("must stop before the venv"))
    assert drift.main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"drift: error: {message}") and err.count("\n") == 1, err


# What pip printed on this machine (pip 25, a constraint file capping torch at 2.14.1),
# and, for a network failure, what it prints with no route to the index.
CONFLICT = """\
ERROR: Cannot install torch==9.9.9 because these package versions have conflicting dependencies.

The conflict is caused by:
    The user requested torch==9.9.9
    The user requested (constraint) torch<=2.14.1

ERROR: ResolutionImpossible: for help visit https://pip.pypa.io/en/latest/topics/dependency-resolution/
"""
NOT_FOUND = """\
ERROR: Could not find a version that satisfies the requirement torch==2.0.5 (from versions: 2.2.0, 2.2.1, \
2.2.2, 2.13.0, 2.13.0+cpu, 2.14.0, 2.14.1, 2.15.0)
ERROR: No matching distribution found for torch==2.0.5
"""
OFFLINE = """\
WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection \
broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object at 0x7f>: Failed to \
establish a new connection: [Errno -3] Temporary failure in name resolution')': /simple/torch/
ERROR: Could not find a version that satisfies the requirement torch==2.15.0 (from versions: none)
ERROR: No matching distribution found for torch==2.15.0
"""


@pytest.mark.parametrize("output, torch, message", [
    (CONFLICT, "9.9.9", "torch 9.9.9 is ruled out by a pip constraint on this machine (torch<=2.14.1;"),
    (CONFLICT.replace("9.9.9", "2.0.5"), "2.0.5", "torch 2.0.5 does not exist for Python 3.12"),
    (NOT_FOUND, "2.0.5", "torch 2.0.5 does not exist for Python 3.12 (newest: 2.2.2, 2.13.0, 2.14.0, 2.14.1, 2.15.0)"),
    (NOT_FOUND.replace("==2.0.5 (from versions: 2", "==2.0.5 (from versions: none)\nX"), "2.0.5",
     "no release of torch at all for Python 3.12"),
    (OFFLINE, "2.15.0", "no network: pip could not reach the package index"),
    ("ERROR: Something new went wrong\n", "2.15.0", "pip failed: ERROR: Something new went wrong"),
])
def test_pip_errors_become_one_clear_line(output, torch, message):
    said = drift.pip_error(output, torch, "3.12")
    assert said.startswith(message) and "\n" not in said, said


def test_a_failed_install_removes_the_new_venv_and_says_why(tmp_path, monkeypatch):
    def fake_step(cmd):
        if cmd[1:3] == ["-m", "venv"]:
            (tmp_path / "py3.12-torch9.9.9" / "bin").mkdir(parents=True)
            (tmp_path / "py3.12-torch9.9.9" / "bin" / "python").touch()
            return subprocess.CompletedProcess(cmd, 0, "", "")
        assert cmd[1:4] == ["-m", "pip", "install"], cmd
        assert cmd[-4:] == ["torch==9.9.9", *(f"{name}=={drift.pins()[name]}" for name in drift.ENGINE_NEEDS)]
        assert drift.ENGINE_NEEDS == ("numpy", "pytest", "pytest-markdown-docs")
        return subprocess.CompletedProcess(cmd, 1, "", CONFLICT)

    monkeypatch.setattr(drift, "python_version", lambda python: "3.12")
    monkeypatch.setattr(drift, "venv_step", fake_step)
    with pytest.raises(drift.DriftError, match=r"torch 9.9.9 is ruled out by a pip constraint .* \(pip.s log: "):
        drift.prepare("python3.12", "9.9.9", cache=tmp_path)
    assert not (tmp_path / "py3.12-torch9.9.9").exists()
    assert "(constraint) torch<=2.14.1" in (tmp_path / "py3.12-torch9.9.9.pip.log").read_text()


def test_a_prepared_venv_is_reused_without_pip(tmp_path, monkeypatch):
    folder = tmp_path / "py3.12-torch2.14.1"
    (folder / "bin").mkdir(parents=True)
    (folder / "bin" / "python").touch()
    wanted = {"python": "3.12", "requirements": drift.requirements_for("2.14.1")}
    (folder / "drift.json").write_text(json.dumps({"wanted": wanted}))
    monkeypatch.setattr(drift, "python_version", lambda python: "3.12")
    monkeypatch.setattr(drift, "venv_step", lambda *a, **k: pytest.fail("pip must not run"))
    assert drift.prepare("python3.12", "2.14.1", cache=tmp_path) == folder


def test_pinned_is_requirements_txt_torch():
    assert drift.resolve_torch("pinned", sys.executable) == drift.pins()["torch"]


def test_constraint_comparison():
    assert drift.allowed("2.0.5", "<=2.14.1") and drift.allowed("2.14.1+cpu", "<=2.14.1")
    assert not drift.allowed("2.15.0", "<=2.14.1") and not drift.allowed("3.0", ">=2,<3")


def test_the_reports_live_where_git_ignores_them():
    for device in ("cpu", "cuda"):
        path = doctest_report.default_path(device).relative_to(ROOT)
        done = subprocess.run(["git", "check-ignore", "-q", str(path)], cwd=ROOT)
        assert done.returncode == 0, f"{path} is not ignored by git"


def test_a_run_where_every_block_skipped_writes_no_report():
    """`--device cuda` without a GPU skips every block: that must not replace a real GPU report."""
    c = doctest_report.Collector("cuda")
    c.add("en/a.md:3:inline0", "en/a.md", "skipped")
    assert not c.ran()
    c.add("hi/a.md:3:inline0", "hi/a.md", "passed")
    assert c.ran()


def test_drift_needs_only_the_standard_library():
    """.github/workflows/drift.yml runs it on a bare setup-python: no site-packages (-S)."""
    done = subprocess.run([sys.executable, "-S", "-c", "import tools.drift"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
