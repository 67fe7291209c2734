"""The doc tests are pytest-markdown-docs items (tools/pytest_doctests.py): every Python fence of
the real pages is one, planted faults fail through them with the engine's messages, and the
plugin's runner API is the one the runner was written for."""
import importlib.metadata
import inspect
import json
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from pytest_markdown_docs import _runners, definitions, hooks, plugin

from tools import drift, pytest_doctests
from tools.page import ROOT, Block, DocTestError, pages, read

from helpers import make_project

FIXTURE = Path(__file__).parent / "fixtures" / "engine"


# --- the real pages --------------------------------------------------------------------------------

def test_every_python_block_of_every_page_is_a_plugin_item(request):
    """What `pytest --collect-only` lists under docs/: pytest-markdown-docs' own items, one per
    block the engine finds, at the block's line, and nothing refused."""
    found = 0
    for page in pages(ROOT / "docs"):
        items = list(pytest_doctests.DocPage.from_parent(request.session, path=page).collect())
        blocks = read(page).blocks
        assert all(type(item) is plugin.MarkdownInlinePythonItem for item in items), (page, items)
        assert [item.start_line for item in items] == list(blocks), page
        assert all(isinstance(b, Block) for b in blocks.values()), page
        assert all(item.nodeid.startswith(f"docs/{page.relative_to(ROOT / 'docs').as_posix()}::[CodeFence#")
                   and item.nodeid.endswith(f"[line:{item.start_line}]") for item in items), items
        found += len(items)
    langs = {p.relative_to(ROOT / "docs").parts[0] for p in pages(ROOT / "docs") if read(p).has_code}
    assert found >= 20 and langs == {"en", "hi"}, (found, langs)


def test_pytest_alone_collects_the_pages(request):
    assert request.config.getini("testpaths") == ["tests", "docs"]


# --- planted faults, through the items (one real `pytest docs`, in the background) ------------------

PLANTED = {
    "en/pycon.md": "# Console\n\n```pycon\n>>> 1 + 1\n2\n```\n",
    "en/notest.md": ("# Not run\n\n```python notest\nprint('never run')\n```\n\n"
                     "<!-- notest: it opens a window -->\n```python notest\nprint('never run either')\n```\n\n"
                     "```python\nprint('run')\n```\n\n```text\nrun\n```\n\n"
                     "<!-- notest: it opens a window -->\n```{.python notest}\nprint('nor this')\n```\n\n"
                     "<!-- a comment that gives no reason -->\n```python notest\nprint('refused')\n```\n"),
    "en/unclosed.md": "# Unclosed\n\n```text\nfine\n```\n\n```python\nprint(1)\n",
    "en/options.md": ("# Options\n\n```python continuation\nprint(1)\n```\n\n```text\n1\n```\n\n"
                      "```python runner:DefaultRunner\nprint(2)\n```\n\n```text\n2\n```\n"),
    "en/endless.md": "# Endless\n\n```python\nprint('started')\nwhile True:\n    pass\n```\n\n```text\nstarted\n```\n",
    "en/solution.md": ('# Exercise\n\n??? success "Solution"\n    ```python\n    --8<-- "demo/adds.py"\n    ```\n\n'
                       '    ```text\n    --8<-- "demo/adds_wrong.out"\n    ```\n\n    Why.\n'),
    "en/stderr.md": "# Warns\n\n```python\nimport sys\nprint('a warning', file=sys.stderr)\nprint(1)\n```\n\n```text\n2\n```\n",
}


def planted_run(folder):
    """The engine fixture's pages and PLANTED, in a copy of the project: `pytest docs -rA`."""
    files = {p.relative_to(FIXTURE).as_posix(): p.read_text(encoding="utf-8") for p in FIXTURE.rglob("*") if p.is_file()}
    root = make_project(folder, {**{k[5:]: v for k, v in files.items() if k.startswith("docs/")}, **PLANTED},
                        {k[9:]: v for k, v in files.items() if k.startswith("snippets/")})
    done = subprocess.run([sys.executable, "-m", "pytest", "docs", "-q", "-rA", "-p", "no:cacheprovider",
                           "--docs-report", "report.json", "--block-time-limit", "0.5"], cwd=root, capture_output=True, text=True)
    report = json.loads((root / "report.json").read_text(encoding="utf-8")) if (root / "report.json").is_file() else {}
    return SimpleNamespace(done=done, out=done.stdout + done.stderr, report=report)


EARLY = [planted_run]


@pytest.fixture(scope="module")
def planted(early):
    return early(planted_run)


def failure(planted, page: str) -> str:
    """The message of the page's one failing item, as the report keeps it."""
    (failed,) = planted.report["pages"][page]["failures"]
    return failed["message"]


def test_planted_faults_fail_and_the_rest_pass(planted):
    assert planted.done.returncode == 1, planted.out
    outcome = {line.split()[1]: line.split()[0] for line in planted.out.splitlines()
               if line.startswith(("PASSED ", "FAILED "))}
    assert outcome == {
        "docs/en/endless.md::[CodeFence#1][line:3]": "FAILED",
        "docs/en/inline.md::[CodeFence#1][line:5]": "FAILED",
        "docs/en/missing_snippet.md::[CodeFence#1][line:3]": "FAILED",
        "docs/en/no_output.md::[CodeFence#1][line:3]": "FAILED",
        "docs/en/notest.md::[CodeFence#1][line:12]": "PASSED",    # the only block of the page that runs
        "docs/en/notest.md::[refused][line:3]": "FAILED",         # notest without a reason
        "docs/en/notest.md::[refused][line:26]": "FAILED",        # a comment that is not its reason
        "docs/en/options.md::[CodeFence#1][line:3]": "FAILED",
        "docs/en/options.md::[CodeFence#2][line:11]": "FAILED",  # not run by another runner
        "docs/en/pycon.md::[refused][line:3]": "FAILED",
        "docs/en/raises.md::[CodeFence#1][line:3]": "FAILED",
        "docs/en/solution.md::[CodeFence#1][line:4]": "FAILED",
        "docs/en/stderr.md::[CodeFence#1][line:3]": "FAILED",
        "docs/en/unclosed.md::[page]": "FAILED",
        "docs/en/wrong_output.md::[CodeFence#1][line:3]": "FAILED",
        "docs/hi/wrong_output.md::[CodeFence#1][line:3]": "FAILED",
    }, planted.out


@pytest.mark.parametrize("page, line", [("en/wrong_output.md", 3), ("hi/wrong_output.md", 3),
                                        ("en/solution.md", 4)])  # in a collapsed `??? success` solution
def test_a_wrong_output_names_page_language_line_snippet_diff_and_fix(planted, page, line):
    message = failure(planted, page)
    assert message.startswith(f"docs/{page} [{page[:2]}] line {line} (snippets/demo/adds.py): printed output "
                              "differs from snippets/demo/adds_wrong.out\n"), message
    assert "-3\n+2\n" in message and message.endswith(
        f"To accept what the code prints: python -m tools.refresh "
        f"(this page's outputs only: pytest docs/{page} --update-outputs)")
    assert f"_ docs/{page}::[CodeFence#1][line:{line}] _" in planted.out  # the failure's heading
    assert message in planted.out  # the terminal shows the same, not a traceback of the runner


def test_an_inline_block_in_a_box_is_run_and_checked(planted):
    assert failure(planted, "en/inline.md").startswith(
        "docs/en/inline.md [en] line 5 (inline code): printed output differs from output block at line 12\n"
        "--- expected (output block at line 12)\n+++ printed\n@@ -1,2 +1,2 @@\n a\n-41\n+42\n")


@pytest.mark.parametrize("page, message", [
    ("en/no_output.md", "docs/en/no_output.md [en] line 3: Python block has no output block (```text) right under it"),
    ("en/missing_snippet.md", "docs/en/missing_snippet.md [en] line 3: snippet file not found: snippets/demo/not_there.py"),
    ("en/pycon.md", "docs/en/pycon.md [en] line 3: `pycon` blocks are not supported; use a python block and an output block"),
    ("en/unclosed.md", "docs/en/unclosed.md [en] line 7: code fence is never closed"),
])
def test_a_fence_the_engine_cannot_handle_fails(planted, page, message):
    assert failure(planted, page) == message


def test_options_that_would_run_a_block_otherwise_fail(planted):
    messages = {f["message"] for f in planted.report["pages"]["en/options.md"]["failures"]}
    assert messages == {
        "docs/en/options.md [en] line 3: `continuation`: every block runs alone, as `python file.py` would, by "
        "the project's runner, once; drop it",
        "docs/en/options.md [en] line 11: `runner:DefaultRunner`: every block runs alone, as `python file.py` "
        "would, by the project's runner, once; drop it"}, messages


def test_notest_without_a_reason_fails_and_with_one_is_left_out(planted):
    messages = [f["message"] for f in planted.report["pages"]["en/notest.md"]["failures"]]
    assert {m.split(":")[0] for m in messages} == {f"docs/en/notest.md [en] line {n}" for n in (3, 26)}, messages
    assert all("`notest` without a reason" in m and "<!-- notest: why it cannot run -->" in m for m in messages)
    assert "line 8" not in planted.out and "line 21" not in planted.out  # those with their reason: neither run nor refused
    assert planted.report["pages"]["en/notest.md"]["passed"] == 1


def test_code_that_raises_shows_its_traceback(planted):
    message = failure(planted, "en/raises.md")
    assert "raises.md [en] line 3 (snippets/demo/raises.py): the code raised an exception" in message
    assert 'snippets/demo/raises.py", line 2' in message and "IndexError: list index out of range" in message
    assert "pytest_doctests" not in message and "_runners" not in message


def test_a_block_that_never_ends_fails_with_what_it_printed_and_the_rest_goes_on(planted):
    assert failure(planted, "en/endless.md") == (
        "docs/en/endless.md [en] line 3 (inline code): ran past the time limit of 0.5 s; "
        "what it printed until then:\nstarted")  # (the pages after it ran: test_planted_faults_fail_and_the_rest_pass)


def test_what_a_block_writes_to_stderr_shows_under_its_failure(planted):
    assert "-2\n+1\n" in failure(planted, "en/stderr.md")
    captured = planted.out.index("Captured stderr call")
    assert planted.out.index("a warning") > captured and planted.out.count("a warning") == 1, planted.out


# --- the thread-count check (in this process: no torch needed) ---------------------------------------

def test_output_that_depends_on_the_thread_count_fails(tmp_path, monkeypatch):
    page = tmp_path / "docs" / "en" / "sum.md"
    page.parent.mkdir(parents=True)
    page.write_text("# Sum\n\n```python\nprint(0.3)\n```\n\n```text\n0.3\n```\n", encoding="utf-8")
    monkeypatch.setattr(pytest_doctests, "printed_by",
                        lambda block, device, runs, memo, threads=None, limit=None: "0.30000000000000004\n" if threads else "0.3\n")
    options = {"--device": "cpu", "--update-outputs": False, "--rerun-snippets": False, "--block-time-limit": 9}
    state = pytest_doctests.DocTests(SimpleNamespace(getoption=options.get))
    with pytest.raises(DocTestError) as caught:
        state.run(page, 3)
    message = str(caught.value)
    assert message.startswith(f"{page} [en] line 3 (inline code): prints something else with 1 torch thread")
    assert "-0.3\n+0.30000000000000004\n" in message


# --- the plugin's API, as the runner uses it (pinned: requirements.txt, pytest.ini) ------------------

def test_the_plugin_is_the_pinned_version(request):
    pinned = drift.pins()["pytest-markdown-docs"]
    assert importlib.metadata.version("pytest-markdown-docs") == pinned
    assert request.config.getini("required_plugins") == [f"pytest-markdown-docs=={pinned}"]


def test_the_runner_api_is_the_one_the_runner_was_written_for():
    """If this fails after an upgrade, pytest-markdown-docs changed what tools/pytest_doctests.py
    relies on: keep the pin, or port the runner and the collector to the new API."""
    changed = "pytest-markdown-docs changed its runner API (see tools/pytest_doctests.py): "
    assert list(inspect.signature(_runners.register_runner).parameters) == ["default"], changed + "register_runner"
    assert _runners._Runner.__abstractmethods__ == {"runtest", "repr_failure"}, changed + "_Runner"
    assert isinstance(_runners.get_runner(None), pytest_doctests.PrintsWhatThePageShows), changed + "default runner"
    assert _runners.get_runner("PrintsWhatThePageShows") is _runners.get_runner(None), changed + "runner:NAME"
    fields = {f for f in definitions.FenceTestDefinition.__dataclass_fields__}
    assert {"source_path", "start_line", "runner_name"} <= fields, changed + "FenceTestDefinition"
    assert {"pytest_markdown_docs_markdown_it", "pytest_markdown_docs_globals"} <= set(dir(hooks)), changed + "hooks"
    run = inspect.getsource(plugin.MarkdownInlinePythonItem.runtest)
    assert "pytest_markdown_docs_globals()" in run and "asyncio_runner=asyncio_runner" in run, changed + "runtest"
    assert "markdown_it_parser.parse(" in inspect.getsource(plugin.extract_fence_tests), changed + "parser"
    assert issubclass(pytest_doctests.DocPage, plugin.MarkdownTextFile)
