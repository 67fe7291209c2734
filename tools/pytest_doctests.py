"""The doc tests in pytest: pytest-markdown-docs collects every Python fence of docs/<lang>/*.md,
and the runner registered here runs it through the engine (tools/doctests.py).

    pytest docs                      # every page, both languages
    pytest docs/en/autograd.md       # one page; a failure's node ID names it and the line:
                                     # docs/en/autograd.md::[CodeFence#1][line:49]

The engine finds the fences (the `pytest_markdown_docs_markdown_it` hook hands the plugin a
parser that returns the engine's fences, so the plugin and the engine never disagree about
where a block is); the plugin makes an item of each Python fence not marked `notest`; the
runner (`PrintsWhatThePageShows`, the default runner) expands the `--8<--` include, runs the
code (once per distinct code, reused from the memo, tools/snippet_memo.py), compares what it
printed with the output fence under it, and again with one torch thread. A fence the plugin
does not make an item of but the engine refuses (a `pycon` block, `notest` without its
reason, a page with a fence never closed), or one that names another runner, becomes a
failing item of its own. Not `--markdown-docs`: that would also collect every .py file's
docstrings and every .md under tests/fixtures/; `pytest_collect_file` below takes the pages.

pytest-markdown-docs' runner API is not public yet: requirements.txt and pytest.ini
(`required_plugins`) pin the plugin, and tests/test_doc_items.py fails if the API changes.
Also here: the options (--update-outputs, --device, --docs-report, --rerun-snippets), the
memos (fixture `memos`), and the report (tools/doctest_report.py). Loaded by conftest.py.
"""
from __future__ import annotations

import contextlib
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytest_markdown_docs._runners import _Runner, register_runner
from pytest_markdown_docs.plugin import MarkdownTextFile

from tools import doctest_report, snippet_memo
from tools.page import ROOT, Block, DocTestError, fences, read
from tools.doctests import TIME_LIMIT_S, check, diff, printed_by, update

DOC_TESTS = "__doc_tests__"  # the key under which the runner finds the session's DocTests
STATE = pytest.StashKey["DocTests"]()


# --- collection: pytest-markdown-docs' items, over the engine's fences -------------------------

@dataclass
class FenceToken:
    """The part of a markdown_it Token that pytest-markdown-docs reads."""
    type: str
    map: list[int]
    info: str
    content: str


class EngineFences:
    """What pytest-markdown-docs asks its Markdown parser for (`parse`): the engine's fences."""

    def parse(self, text: str, env=None) -> list[FenceToken]:
        return [FenceToken("fence", [f.line - 1, f.end], f.info, f.body + "\n") for f in fences(text)]


@pytest.hookimpl(tryfirst=True)
def pytest_markdown_docs_markdown_it():
    return EngineFences()


def pytest_collect_file(file_path: Path, parent):
    """docs/<lang>/**/*.md under the rootdir: a page of doc tests."""
    docs = parent.config.rootpath / "docs"
    if file_path.suffix == ".md" and file_path.is_relative_to(docs) and len(file_path.relative_to(docs).parts) > 1:
        return DocPage.from_parent(parent, path=file_path)
    return None


class DocPage(MarkdownTextFile):
    """pytest-markdown-docs' items for the page, and a failing item for each fence the engine
    refuses that the plugin does not collect."""

    def collect(self):
        found = self.config.stash[STATE].read(self.path)
        if isinstance(found.get(0), DocTestError):  # a fence never closed: nothing on the page can be trusted
            yield Refused.from_parent(self, name="[page]", line=0, message=str(found[0]))
            return
        items = list(super().collect())
        for item in items:  # runner:NAME would take the block from the project's runner: refused
            yield item if item.runner_name is None else \
                Refused.from_parent(self, name=item.name, line=item.start_line, message=str(found[item.start_line]))
        collected = {item.start_line for item in items}
        for line, entry in found.items():
            if line not in collected:
                message = str(entry) if isinstance(entry, DocTestError) else \
                    f"{entry.where}: pytest-markdown-docs did not collect this Python block"
                yield Refused.from_parent(self, name=f"[refused][line:{line}]", line=line, message=message)


class Refused(pytest.Item):
    """A fence the engine refuses, which the plugin made no item of (e.g. ```pycon)."""

    def __init__(self, *, line: int, message: str, **kwargs):
        super().__init__(**kwargs)
        self.line, self.message = line, message

    def runtest(self):
        raise DocTestError(self.message)

    def repr_failure(self, excinfo, style=None):
        return self.message

    def reportinfo(self):
        return self.path, max(self.line - 1, 0), self.name


# --- running: the runner -----------------------------------------------------------------------

@register_runner(default=True)
class PrintsWhatThePageShows(_Runner):
    """Runs a fence's block through the engine and compares what it prints with its output fence."""

    def runtest(self, test, args, asyncio_runner=None):  # without asyncio_runner the plugin calls it twice on a TypeError
        state = args.get(DOC_TESTS)
        if state is None:
            raise DocTestError(f"{test.source_path}: not a doc page (docs/<lang>/*.md under the rootdir)")
        with state.captured():
            state.run(test.source_path, test.start_line)

    def repr_failure(self, test, excinfo, style=None):
        if excinfo.errisinstance(DocTestError):
            return str(excinfo.value)
        return str(excinfo.getrepr(style=style or "long"))


class DocTests:
    """One pytest session's doc tests: options, pages read, runs shared by en and hi, report."""

    def __init__(self, config):
        self.config = config
        self.device = config.getoption("--device")
        self.updating = config.getoption("--update-outputs")
        self.limit = config.getoption("--block-time-limit")
        self.memos = {kind: snippet_memo.for_session(kind, self.device, self.updating,
                                                     config.getoption("--rerun-snippets"))
                      for kind in snippet_memo.KINDS}
        self.report = doctest_report.Collector(self.device)
        self.runs: dict = {}   # one run per distinct code, device and threads (en and hi share)
        self.pages: dict[Path, dict] = {}

    def pytest_markdown_docs_globals(self):
        """pytest-markdown-docs' hook for the globals a fence runs with: how the runner finds us
        (the engine runs the code in a namespace of its own)."""
        return {DOC_TESTS: self}

    @contextlib.contextmanager
    def captured(self):
        """pytest's capture, which pytest-markdown-docs turns off around a runner, back on: what
        a block writes to stderr shows under the failure, not across the progress line (the
        engine takes the block's stdout itself)."""
        capture = self.config.pluginmanager.getplugin("capturemanager")
        if capture is None:  # -p no:capture
            yield
            return
        capture.resume_global_capture()
        try:
            yield
        finally:
            capture.suspend_global_capture()

    def read(self, page: Path) -> dict[int, Block | DocTestError]:
        """The page as collected (blocks keep their lines while --update-outputs rewrites it):
        each Python fence by its line, or {0: why} for a page refused as a whole (tools/page.py)."""
        page = Path(page).resolve()
        if page not in self.pages:
            self.pages[page] = read(page).blocks
        return self.pages[page]

    def run(self, page: Path, line: int) -> None:
        block = self.read(page).get(line)
        if block is None:
            raise DocTestError(f"{page}: line {line}: the engine finds no Python block there")
        if isinstance(block, DocTestError):
            raise block
        same = None
        if self.device == "cuda":  # compared with the CPU recording as tools/cuda_output.py says
            import torch
            from tools.cuda_output import cpu_random, normalise, same_output

            if not torch.cuda.is_available():
                pytest.skip("CUDA not available")
            if self.updating:
                raise DocTestError("--update-outputs records CPU output: run it without --device cuda")
            same = same_output
        with cpu_random() if same else contextlib.nullcontext():
            printed = printed_by(block, self.device, self.runs, self.memos["blocks"], limit=self.limit)
        if self.updating:
            update(block, printed)
        else:
            check(block, normalise(printed) if same else printed, same=same)
        if self.device == "cpu":
            self.check_one_thread(block, printed)

    def check_one_thread(self, block: Block, printed: str) -> None:
        """The block prints the same with one intra-op thread as with the default count."""
        one = printed_by(block, "cpu", self.runs, self.memos["blocks"], threads=1, limit=self.limit)
        if one != printed:
            torch = sys.modules.get("torch")
            default = torch.get_num_threads() if torch else "torch not imported"
            raise DocTestError(f"{block.where}: prints something else with 1 torch thread than with the "
                               f"default count ({default})\n{diff(printed, one, 'with the default thread count')}")

    def test_id(self, item) -> tuple[str, str]:
        """(test id in the report, page key 'en/autograd.md') of a doc item."""
        line = getattr(item, "start_line", getattr(item, "line", 0))
        entry = self.read(item.path).get(line)
        key = doctest_report.page_key(item.path)
        return (entry.test_id if isinstance(entry, Block) else f"{key}:{line}:refused"), key


# --- options, session, report ---------------------------------------------------------------------

def pytest_addoption(parser):
    group = parser.getgroup("docs", "doc tests")
    group.addoption("--update-outputs", action="store_true",
                    help="write what each snippet prints into its .out file or output block")
    group.addoption("--device", default="cpu", choices=["cpu", "cuda"],
                    help="default torch device for the snippets (cuda: see tools/cuda_output.py)")
    group.addoption("--docs-report", metavar="PATH", default=None,
                    help="where the doc tests write their JSON report (default .cache/doctest-report.json, "
                         "-cuda.json with --device cuda; see tools/doctest_report.py)")
    group.addoption("--block-time-limit", type=float, default=TIME_LIMIT_S, metavar="SECONDS",
                    help=f"stop a doc-test block that runs longer, and fail it (default {TIME_LIMIT_S:g})")
    group.addoption("--rerun-snippets", action="store_true",
                    help="run every doc-test block, notebook and figure drawer again instead of reusing what "
                         "the same code gave before (kept in .cache/snippet-runs/; see tools/snippet_memo.py)")


def pytest_configure(config):
    if config.option.markdowndocs:
        raise pytest.UsageError("--markdown-docs: the doc pages are collected without it (tools/pytest_doctests.py)")
    state = config.stash[STATE] = DocTests(config)
    config.pluginmanager.register(state, "doc-tests")


def is_doc_item(item) -> bool:
    return isinstance(item.parent, DocPage)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Each doc item's outcome goes into the report: one per block, by page and language."""
    report = yield
    if is_doc_item(item):  # the failure's heading names the page, not only [CodeFence#1][line:3]
        report.location = (*report.location[:2], item.nodeid)
    if is_doc_item(item) and (report.when == "call" or report.outcome != "passed"):
        state = item.config.stash[STATE]
        test_id, page = state.test_id(item)
        state.report.add(test_id, page, report.outcome, report.longreprtext if report.failed else "")
    return report


def pytest_sessionfinish(session):
    """Write the report when blocks were compared (not with --update-outputs, which only records)."""
    config = session.config
    state = config.stash[STATE]
    if state.updating or not state.report.ran():
        return
    path = config.getoption("--docs-report")
    state.report.write(Path(path) if path else doctest_report.default_path(state.device), ROOT / "docs")


def pytest_terminal_summary(terminalreporter, config):
    """A line per kind of snippet run: how many ran, how many were reused (tools/snippet_memo.py)."""
    for memo in config.stash[STATE].memos.values():
        if memo is not None and memo.ran + memo.reused:
            terminalreporter.write_line(memo.summary())


@pytest.fixture(scope="session")
def memos(request):
    """{"blocks", "notebooks", "schema", "figures": tools.snippet_memo.Memo, or None where everything must run}."""
    return request.config.stash[STATE].memos


@pytest.fixture(scope="session")
def run_cache(request):
    """One run per distinct code and device, shared by the English and Hindi pages (and the notebooks)."""
    return request.config.stash[STATE].runs
