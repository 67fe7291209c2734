"""The doc-test engine: find every Python block on a page, run it, compare what it prints.

A page pairs each Python fence with the output fence right under it (only blank lines or
HTML comments may stand between). Either fence may hold code inline or include a file
from snippets/ with pymdownx.snippets' `--8<-- "chapter/name.py"` line. Anything the
engine cannot handle is an error, never a skip.

Needs only the standard library (and torch, imported when a block uses it), so that it runs
on a bare GPU machine. What a block printed is kept on disk (tools/snippet_memo.py), so an
unchanged block is not run again.
"""
from __future__ import annotations

import contextlib
import difflib
import functools
import io
import signal
import sys
import threading
import traceback
from pathlib import Path

from tools.page import Block, DocTestError, read_page, rel

# How long one block may run (seconds; `pytest --block-time-limit`). The slowest block, the
# training program (snippets/train/), takes well under a minute on a 2-core machine.
TIME_LIMIT_S = 300


class TimeLimit(BaseException):
    """A block ran past its time limit (a BaseException: the block's `except Exception` can't
    swallow it); `printed` is what it printed until then."""

    def __init__(self, seconds: float):
        super().__init__(f"ran past the time limit of {seconds:g} s")
        self.seconds, self.printed = seconds, ""


@contextlib.contextmanager
def time_limit(seconds: float | None):
    """TimeLimit raised in the running code after `seconds` (POSIX main thread; elsewhere no limit)."""
    if not seconds or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame):
        raise TimeLimit(seconds)

    before = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, before)


# --- running -----------------------------------------------------------------------------

def in_background() -> bool:
    """True in a thread the test suite runs beside the code it checks (marked `background`: its
    early work, a served site's threads), whose output and warnings are not that code's."""
    return getattr(threading.current_thread(), "background", False)


class OwnOutput:
    """sys.stdout or sys.stderr while code runs: what the code writes (its own threads' too) goes
    to `mine`; what the suite's background threads write (in_background: a server's error, a
    build's warning) to `others`, the stream as it was."""

    def __init__(self, mine, others):
        self.mine, self.others = mine, others

    def __getattr__(self, name):
        return getattr(self.others if in_background() else self.mine, name)


def fresh_torch_defaults(device: str = "cpu") -> None:
    """The global torch settings a fresh Python starts with (an earlier block may change them).

    On the CPU, torch not imported yet means nothing to reset: a block's own `import torch`
    starts from these defaults, and code that never uses torch does not pay for importing it."""
    if device == "cpu" and "torch" not in sys.modules:
        return
    import torch

    torch.set_default_dtype(torch.float32)
    torch.set_default_device(device)
    torch.set_grad_enabled(True)
    torch.set_printoptions(profile="default")


def run_code(code: str, filename: str, device: str = "cpu", threads: int | None = None,
             limit: float | None = TIME_LIMIT_S, namespace: dict | None = None) -> str:
    """Run code as a fresh `python file.py` would (new globals, torch defaults), return stdout.

    threads: torch's intra-op thread count while it runs (None: as it is); limit: seconds it may
    run before TimeLimit (with what it printed so far) stops it; namespace: the globals to run
    it in (by default new ones), for a caller that reads what the code left (tools/figures.py)."""
    fresh_torch_defaults(device)
    buffer = io.StringIO()
    if namespace is None:
        namespace = {"__name__": "__main__", "__file__": filename}
    try:
        with contextlib.redirect_stdout(OwnOutput(buffer, sys.stdout)), torch_threads(threads, code), time_limit(limit):
            exec(compile(code, filename, "exec"), namespace)
    except TimeLimit as stopped:
        stopped.printed = buffer.getvalue()
        raise
    finally:
        if "torch" in sys.modules:
            sys.modules["torch"].set_default_device("cpu")
    return buffer.getvalue()


@contextlib.contextmanager
def torch_threads(count: int | None, code: str):
    """torch's intra-op thread count set to `count` while `code` runs, then set back.

    Code that never names torch, run while torch is not imported, cannot use torch's threads:
    then there is nothing to set (and torch is not imported for it)."""
    if count is None or ("torch" not in sys.modules and "torch" not in code):
        yield
        return
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(count)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def printed_by(block: Block, device: str = "cpu", cache: dict | None = None, memo=None,
               threads: int | None = None, limit: float | None = TIME_LIMIT_S) -> str:
    """What the block prints; runs each distinct code once per cache (en and hi share runs),
    and not at all when `memo` (a tools.snippet_memo.Memo) holds what the same code printed
    before under the same engine, versions, device and threads."""
    cache = {} if cache is None else cache
    key = (block.code, device, threads)
    if key not in cache:
        name = str(block.snippets[0]) if block.snippets else f"{rel(block.page)}:{block.line}"
        run = functools.partial(run_code, block.code, name, device, threads, limit)
        try:  # a run that failed is not kept in the memo: it runs again
            printed = run() if memo is None else memo.remembered(memo.key(block, name, device, threads), run, str)
            cache[key] = printed, None
        except TimeLimit as stopped:
            cache[key] = None, f"{stopped}; what it printed until then:\n{stopped.printed or '(nothing)'}"
        except BaseException as err:  # noqa: BLE001 - a block may raise anything, SystemExit too
            if isinstance(err, KeyboardInterrupt):
                raise
            cache[key] = None, f"the code raised an exception\n{snippet_traceback(err)}"
    printed, failure = cache[key]
    if failure:
        raise DocTestError(f"{block.where}: {failure}")
    return printed


def snippet_traceback(err: BaseException) -> str:
    """The traceback without the engine's own frames."""
    frames = [f for f in traceback.extract_tb(err.__traceback__) if Path(f.filename) != Path(__file__)]
    return ("Traceback (most recent call last):\n" + "".join(traceback.format_list(frames))
            + "".join(traceback.format_exception_only(err)))


def diff(expected: str, printed: str, expected_name: str) -> str:
    return "".join(difflib.unified_diff(
        expected.splitlines(keepends=True), printed.splitlines(keepends=True),
        fromfile=f"expected ({expected_name})", tofile="printed", lineterm="\n"))


def normalise_end(text: str) -> str:
    return text.rstrip("\n") + "\n"


def check(block: Block, printed: str, same=None) -> None:
    """Raise DocTestError with a diff unless the block's output block shows exactly `printed`.

    `same(expected, printed)` may replace exact comparison (e.g. the CUDA normalisation)."""
    if not printed.strip():
        raise DocTestError(f"{block.where}: the code prints nothing; a block must show its output")
    if block.out_file and not block.out_file.is_file():
        raise DocTestError(f"{block.where}: output file not found: {rel(block.out_file)}\n{update_hint(block)}")
    expected, got = normalise_end(block.expected), normalise_end(printed)
    if (same or str.__eq__)(expected, got):
        return
    name = rel(block.out_file) if block.out_file else f"output block at line {block.out_fence.line}"
    raise DocTestError(f"{block.where}: printed output differs from {name}\n"
                       f"{diff(expected, got, name)}{update_hint(block)}")


def update_hint(block: Block) -> str:
    return (f"To accept what the code prints: python -m tools.refresh "
            f"(this page's outputs only: pytest {rel(block.page)} --update-outputs)")


def update(block: Block, printed: str) -> bool:
    """Write what the code printed into the block's output; True if anything changed."""
    printed = normalise_end(printed)
    if block.out_file:
        if block.out_file.is_file() and block.out_file.read_text(encoding="utf-8") == printed:
            return False
        block.out_file.write_text(printed, encoding="utf-8")
        return True
    fresh = list(read_page(block.page).values())[block.index]  # re-read: an earlier update may have moved lines
    fence = fresh.out_fence
    lines = block.page.read_text(encoding="utf-8").split("\n")
    body = [fence.indent + l if l else l for l in printed.rstrip("\n").split("\n")]
    if lines[fence.line:fence.end - 1] == body:
        return False
    lines[fence.line:fence.end - 1] = body
    block.page.write_text("\n".join(lines), encoding="utf-8")
    return True
