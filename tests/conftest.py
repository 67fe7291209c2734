import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tools import doctest_report, snippet_memo
from tools.doctests import ROOT

REPORT = pytest.StashKey[doctest_report.Collector]()
MEMOS = pytest.StashKey[dict]()


def pytest_addoption(parser):
    group = parser.getgroup("docs", "doc tests")
    group.addoption("--update-outputs", action="store_true",
                    help="write what each snippet prints into its .out file or output block")
    group.addoption("--device", default="cpu", choices=["cpu", "cuda"],
                    help="default torch device for the snippets (cuda: see tools/cuda_output.py)")
    group.addoption("--docs-report", metavar="PATH", default=None,
                    help="where the doc tests write their JSON report (default .cache/doctest-report.json, "
                         "-cuda.json with --device cuda; see tools/doctest_report.py)")
    group.addoption("--rerun-snippets", action="store_true",
                    help="run every doc-test block, notebook and figure drawer again instead of reusing what "
                         "the same code gave before (kept in .cache/snippet-runs/; see tools/snippet_memo.py)")


def pytest_configure(config):
    device = config.getoption("--device")
    config.stash[REPORT] = doctest_report.Collector(device)
    config.stash[MEMOS] = {kind: snippet_memo.for_session(kind, device, config.getoption("--update-outputs"),
                                                          config.getoption("--rerun-snippets"))
                           for kind in snippet_memo.KINDS}


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Each doc test's outcome goes into the report: one per block, by page and language."""
    report = yield
    if item.path.name == "test_docs.py" and (report.when == "call" or report.outcome != "passed"):
        params = item.callspec.params if hasattr(item, "callspec") else {}
        test_id = item.callspec.id if "block" in params else item.name
        failed = call.excinfo.value if call.excinfo else None
        message = failed.msg if isinstance(failed, pytest.fail.Exception) else report.longreprtext
        item.config.stash[REPORT].add(test_id, params.get("block"), report.outcome, message)
    return report


def pytest_sessionfinish(session):
    """Write the report when blocks were compared (not with --update-outputs, which only records)."""
    config = session.config
    collector = config.stash[REPORT]
    if config.getoption("--update-outputs") or not collector.ran():
        return
    path = config.getoption("--docs-report")
    collector.write(Path(path) if path else doctest_report.default_path(collector.device), ROOT / "docs")


def pytest_terminal_summary(terminalreporter, config):
    """A line per kind of snippet run: how many ran, how many were reused (tools/snippet_memo.py)."""
    for memo in config.stash[MEMOS].values():
        if memo is not None and memo.ran + memo.reused:
            terminalreporter.write_line(memo.summary())


@pytest.fixture(scope="session")
def memos(request):
    """{"blocks", "notebooks", "figures": tools.snippet_memo.Memo, or None where everything must run}."""
    return request.config.stash[MEMOS]


@pytest.fixture(scope="session")
def run_cache():
    """One run per distinct code and device, shared by the English and Hindi pages."""
    return {}


# --- slow subprocess work, started early ---------------------------------------------------
# A test module lists in EARLY the functions that do its slow subprocess work (mini-site
# builds, real pytest runs): each takes a fresh folder and returns what its tests check. They
# start one after another in a background thread as soon as collection ends, so they run on
# the other core while the in-process tests run; the tests that wait for them (fixture
# `early`) run last.
# A function marked `early_first = True` only starts a process and returns it: it goes first.

class Early:
    """Runs functions in a background thread, each once; result(fn) waits for fn's."""

    def __init__(self):
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="early")
        self.folder = Path(tempfile.mkdtemp(prefix="pytest-early-"))
        self.started: dict = {}

    def start(self, fn):
        if fn not in self.started:
            folder = self.folder / f"{fn.__module__}.{fn.__name__}"
            folder.mkdir()
            self.started[fn] = self.pool.submit(fn, folder)
        return self.started[fn]

    def result(self, fn):
        return self.start(fn).result()

    def close(self):
        self.pool.shutdown(cancel_futures=True)
        shutil.rmtree(self.folder, ignore_errors=True)


EARLY = pytest.StashKey[Early]()


@pytest.hookimpl(trylast=True)  # after -m and -k have deselected what they deselect
def pytest_collection_modifyitems(config, items):
    items.sort(key=lambda item: "early" in getattr(item, "fixturenames", ()))  # stable: waiting tests last


def pytest_collection_finish(session):
    if session.config.option.collectonly:
        return
    early = session.config.stash[EARLY] = Early()
    listed = [fn for item in session.items if "early" in getattr(item, "fixturenames", ())
              for fn in getattr(item.module, "EARLY", ())]
    for fn in sorted(dict.fromkeys(listed), key=lambda fn: not getattr(fn, "early_first", False)):
        early.start(fn)


def pytest_unconfigure(config):
    if EARLY in config.stash:
        config.stash[EARLY].close()


@pytest.fixture(scope="session")
def early(request):
    """early(fn) -> what fn(folder) returned, fn being listed in the test module's EARLY."""
    if EARLY not in request.config.stash:
        request.config.stash[EARLY] = Early()
    return request.config.stash[EARLY].result
