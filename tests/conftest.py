import shutil
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

# The doc tests' options, report and fixtures (memos, run_cache): tools/pytest_doctests.py,
# loaded by the repository's conftest.py.

# --- slow work, started early ----------------------------------------------------------------
# A test module lists in EARLY the functions that do its slow work (mini-site builds, real
# pytest runs, the browser suite's page visits, each in a Chromium of its own): each takes a
# fresh folder and returns what its tests check. They start in three background threads as soon
# as collection ends, so they run beside the in-process tests; the tests that wait for them
# (fixture `early`) run last. (pytest-xdist 3.8.0, measured against it on this 2-core machine,
# warm memo, back to back: `pytest -n 2` 440 s, `pytest` 230 s; each worker builds and visits
# the site again.)

def in_the_background():
    """Mark this thread as the suite's own: what it prints or warns is not the output of the
    block or cell running beside it (tools/doctests.py: in_background)."""
    threading.current_thread().background = True


class Early:
    """Runs functions in background threads, each once; result(fn) waits for fn's."""

    def __init__(self):
        self.pool = ThreadPoolExecutor(max_workers=3, thread_name_prefix="early", initializer=in_the_background)
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


def pytest_ignore_collect(collection_path, config):
    """`-m "not browser"` (the quick suite) does not even import the browser suite (its modules
    read every page and build lists of the site's pages as they load): all of it is deselected."""
    return (collection_path == Path(__file__).parent / "browser"
            and config.option.markexpr.replace(" ", "") == "notbrowser") or None


@pytest.hookimpl(trylast=True)  # after -m and -k have deselected what they deselect
def pytest_collection_modifyitems(config, items):
    # stable: waiting tests last. (Not the browser tests after the others: in a fresh clone the
    # figures and notebooks, run by torch's threads, then met the background's Chromiums and took
    # 5 minutes, not 10 s.)
    items.sort(key=lambda item: "early" in getattr(item, "fixturenames", ()))


def pytest_collection_finish(session):
    if session.config.option.collectonly:
        return
    early = session.config.stash[EARLY] = Early()
    listed = [fn for item in session.items if "early" in getattr(item, "fixturenames", ())
              for fn in getattr(item.module, "EARLY", ())]
    for fn in dict.fromkeys(listed):
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
