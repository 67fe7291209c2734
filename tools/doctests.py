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
import io
import re
import signal
import sys
import threading
import traceback
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON_LANGS = {"python", "py", "python3"}
OUTPUT_LANGS = {"text", "output"}
UNSUPPORTED_LANGS = {"pycon", "ipython", "jupyter"}  # would need prompts parsed: refuse
FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`\n]*)$")
INCLUDE = re.compile(r'^-{1,}8<-{1,}[ \t]+"(?P<path>[^"]+)"[ \t]*$')
COMMENT = re.compile(r"<!--.*?-->", re.S)
PLUGIN_OPTIONS = re.compile(r"^(continuation|fixture:.*|retry:.*|runner:.*)$")  # pytest-markdown-docs'
NOTEST_REASON = re.compile(r"^<!--\s*notest:\s*\S.*-->$")


# How long one block may run (seconds; `pytest --block-time-limit`). The slowest block, the
# training program (snippets/train/), takes well under a minute on a 2-core machine.
TIME_LIMIT_S = 300


class DocTestError(Exception):
    """A page or block the engine rejects, or a block whose output differs."""


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


@dataclass
class Fence:
    lang: str
    info: str       # the whole info string: 'python title="x"', '{.python notest}'
    body: str       # dedented content, without the fence lines
    line: int       # 1-based line of the opening fence
    end: int        # 1-based line of the closing fence
    indent: str


@dataclass
class Block:
    page: Path
    lang: str       # the page's language: "en", "hi"
    index: int      # position among the page's Python blocks
    line: int       # line of the Python fence
    code: str
    expected: str
    snippets: list[Path] = field(default_factory=list)  # files the code comes from
    out_file: Path | None = None                          # file the output comes from
    out_fence: Fence | None = None

    @property
    def where(self) -> str:
        src = ", ".join(rel(p) for p in self.snippets) or "inline code"
        return f"{rel(self.page)} [{self.lang}] line {self.line} ({src})"

    @property
    def test_id(self) -> str:
        name = self.snippets[0].relative_to(snippet_dir(self.page)).as_posix() if self.snippets else f"inline{self.index}"
        return f"{self.lang}/{page_name(self.page)}:{self.line}:{name}"


def rel(path: Path) -> str:
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def docs_dir(page: Path) -> Path:
    """docs/ above docs/<lang>/<page>.md."""
    for parent in page.resolve().parents:
        if parent.name == "docs":
            return parent
    raise DocTestError(f"{page}: not inside a docs/ folder")


def snippet_dir(page: Path) -> Path:
    return docs_dir(page).parent / "snippets"


def page_lang(page: Path) -> str:
    return page.resolve().relative_to(docs_dir(page)).parts[0]


def page_name(page: Path) -> str:
    return Path(*page.resolve().relative_to(docs_dir(page)).parts[1:]).as_posix()


def pages(docs: Path) -> list[Path]:
    """Every Markdown page of every language: docs/<lang>/**/*.md."""
    return sorted(p for p in docs.glob("*/**/*.md"))


def fences(text: str) -> list[Fence]:
    lines = text.split("\n")
    found, i = [], 0
    while i < len(lines):
        m = FENCE_OPEN.match(lines[i])
        if not m:
            i += 1
            continue
        indent, mark = m["indent"], m["fence"]
        close = re.compile(rf"^{re.escape(indent)}{re.escape(mark[0])}{{{len(mark)},}}[ \t]*$")
        j = i + 1
        while j < len(lines) and not close.match(lines[j]):
            j += 1
        if j == len(lines):
            raise DocTestError(f"line {i + 1}: code fence is never closed")
        body = "\n".join(l[len(indent):] if l.startswith(indent) else l.lstrip() for l in lines[i + 1:j])
        found.append(Fence(fence_lang(m["info"]), m["info"].strip(), body, i + 1, j + 1, indent))
        i = j + 1
    return found


def fence_lang(info: str) -> str:
    """'python title="x"' -> python; '{.python .numberLines}' -> python."""
    info = info.strip()
    if info.startswith("{"):
        m = re.search(r"\.([\w+-]+)", info)
        return m[1].lower() if m else ""
    return info.split()[0].lower() if info else ""


def fence_options(info: str) -> set[str]:
    """The words after the language: 'python notest' -> {'notest'}; '{.python notest}' likewise."""
    return {w for w in info.strip().strip("{}").split() if not w.startswith(".")} - {fence_lang(info)}


def include_paths(fence: Fence, page: Path, where: str, must_exist: bool = True) -> list[Path] | None:
    """The files a fence includes, or None when its content is inline."""
    lines = [l for l in fence.body.split("\n") if l.strip()]
    includes = [INCLUDE.match(l.strip()) for l in lines]
    if not any(includes) and "8<" not in fence.body:
        return None
    if not all(includes):
        raise DocTestError(f"{where}: mixes `--8<--` includes with other lines; include whole files only")
    paths = []
    for m in includes:
        path = snippet_dir(page) / m["path"]
        if ":" in m["path"] or (must_exist and not path.is_file()):
            raise DocTestError(f"{where}: snippet file not found: {rel(path)}")
        paths.append(path)
    return paths


def read_page(page: Path) -> dict[int, Block | DocTestError]:
    """Each Python fence of a page by the line of its opening: its Block, or the DocTestError
    that says why the engine refuses it. A fence marked `notest` with its reason in an HTML
    comment on the line above (`<!-- notest: why -->`) is left out; without one it is refused.
    A page with a fence never closed raises DocTestError."""
    text = page.read_text(encoding="utf-8")
    lang = page_lang(page)
    try:
        all_fences = fences(text)
    except DocTestError as err:
        raise DocTestError(f"{rel(page)} [{lang}] {err}") from None
    lines = text.split("\n")
    found: dict[int, Block | DocTestError] = {}
    for k, f in enumerate(all_fences):
        if f.lang not in PYTHON_LANGS | UNSUPPORTED_LANGS:
            continue
        try:
            block = read_block(page, lang, lines, all_fences, k, len(found))
        except DocTestError as err:
            found[f.line] = err
        else:
            if block is not None:
                found[f.line] = block
    return found


def read_block(page: Path, lang: str, lines: list[str], all_fences: list[Fence], k: int, index: int) -> Block | None:
    """The Block of the Python fence all_fences[k]; None for `notest` with a reason."""
    f, page_rel = all_fences[k], rel(page)
    where = f"{page_rel} [{lang}] line {f.line}"
    if f.lang in UNSUPPORTED_LANGS:
        raise DocTestError(f"{where}: `{f.lang}` blocks are not supported; use a python block and an output block")
    if "notest" in fence_options(f.info):
        if NOTEST_REASON.match(lines[f.line - 2].strip() if f.line > 1 else ""):
            return None
        raise DocTestError(f"{where}: `notest` without a reason: a block nobody runs is a block nobody checks; "
                           "say why on the line above the fence, as <!-- notest: why it cannot run -->")
    refused = sorted(o for o in fence_options(f.info) if PLUGIN_OPTIONS.match(o))
    if refused:
        raise DocTestError(f"{where}: `{' '.join(refused)}`: every block runs alone, as `python file.py` would, "
                           "by the project's runner, once; drop it")
    snippets = include_paths(f, page, where) or []
    # One blank line between included files, as pymdownx.snippets shows them on the page (so the
    # copy button copies exactly the code that runs: tests/browser/test_reader.py).
    code = "\n".join(p.read_text(encoding="utf-8") for p in snippets) if snippets else f.body + "\n"
    out = all_fences[k + 1] if k + 1 < len(all_fences) else None
    between = "\n".join(lines[f.end:out.line - 1]) if out else ""
    if out is None or out.lang not in OUTPUT_LANGS or COMMENT.sub("", between).strip():
        raise DocTestError(f"{where}: Python block has no output block (```text) right under it")
    out_paths = include_paths(out, page, f"{page_rel} [{lang}] line {out.line}", must_exist=False)
    if out_paths and len(out_paths) != 1:
        raise DocTestError(f"{where}: an output block includes exactly one .out file")
    if out_paths:  # a missing .out reads as empty: check() names it, update() writes it
        expected = out_paths[0].read_text(encoding="utf-8") if out_paths[0].is_file() else ""
    else:
        expected = out.body
    return Block(page, lang, index, f.line, code, expected, snippets, out_paths[0] if out_paths else None, out)


def parse_page(page: Path) -> list[Block]:
    """The page's blocks; the first DocTestError if the engine refuses any of them."""
    found = list(read_page(page).values())
    for entry in found:
        if isinstance(entry, DocTestError):
            raise entry
    return found


# --- running -----------------------------------------------------------------------------

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
             limit: float | None = TIME_LIMIT_S) -> str:
    """Run code as a fresh `python file.py` would (new globals, torch defaults), return stdout.

    threads: torch's intra-op thread count while it runs (None: as it is); limit: seconds it may
    run before TimeLimit (with what it printed so far) stops it."""
    fresh_torch_defaults(device)
    buffer = io.StringIO()
    namespace = {"__name__": "__main__", "__file__": filename}
    try:
        with contextlib.redirect_stdout(buffer), torch_threads(threads, code), time_limit(limit):
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
    key = (block.code, device, threads)
    if cache is not None and key in cache:
        result = cache[key]
    else:
        name = str(block.snippets[0]) if block.snippets else f"{rel(block.page)}:{block.line}"
        stored = memo.key(block, name, device, threads) if memo is not None else None
        text = memo.get(stored, str) if memo is not None else None
        if text is not None:
            result = ("ok", text)
        else:
            try:
                result = ("ok", run_code(block.code, name, device, threads, limit))
            except TimeLimit as stopped:
                result = ("stopped", f"{stopped}; what it printed until then:\n{stopped.printed or '(nothing)'}")
            except BaseException as err:  # noqa: BLE001 - a block may raise anything, SystemExit too
                if isinstance(err, KeyboardInterrupt):
                    raise
                result = ("raised", snippet_traceback(err))
            if memo is not None:  # a run that raised is not kept: it runs again
                memo.put(stored, result[1] if result[0] == "ok" else None)
        if cache is not None:
            cache[key] = result
    status, text = result
    if status == "raised":
        raise DocTestError(f"{block.where}: the code raised an exception\n{text}")
    if status == "stopped":
        raise DocTestError(f"{block.where}: {text}")
    return text


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
    return f"To accept what the code prints: pytest {rel(block.page)} --update-outputs"


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


# Formulas in a page's Markdown source: $$display$$ and $inline$ (pymdownx.arithmatex's syntax).
MATH = re.compile(r"\$\$(?P<display>.+?)\$\$|(?<![\\$])\$(?P<inline>[^$\n]+?)\$", re.S)


def formulas(page):
    """(line, tex, display) for each formula outside code fences."""
    lines = page.read_text(encoding="utf-8").split("\n")
    for fence in fences("\n".join(lines)):
        for i in range(fence.line - 1, fence.end):
            lines[i] = ""
    text = "\n".join(lines)
    text = re.sub(r"`[^`\n]*`", lambda m: " " * len(m[0]), text)  # inline code is not math
    for m in MATH.finditer(text):
        display = m["display"] is not None
        yield text.count("\n", 0, m.start()) + 1, (m["display"] if display else m["inline"]).strip(), display
