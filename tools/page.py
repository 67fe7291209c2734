"""The page model: a docs/<lang>/<page>.md read once into a plain structure. The only code that
knows the pages' Markdown syntax (beside the Markdown renderer itself).

`read(path)` gives a `Page`: its language and name, title, headings with their ids, the
formulas, the figures with their alt text, the admonitions (exercise solutions are the
collapsed `??? success` ones), and each Python fence as a `Block` with its `--8<--` includes
resolved and the output fence under it (or the DocTestError that says why the engine refuses
it). tests/test_parity.py's `structure(page)` lists from it the items twins must share, in order.

Needs only the standard library, so that the doc tests run on a bare GPU machine.
"""
from __future__ import annotations

import functools
import re
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
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?\n)(?:---|\.\.\.)[ \t]*\n", re.S)  # as MkDocs reads it (its YAML_RE)
HEADING = re.compile(r"^(?P<level>#{1,6})[ \t]+(?P<text>.*?)(?:[ \t]+\{[^}]*#(?P<id>[\w-]+)[^}]*\})?[ \t]*#*[ \t]*$")
ADMONITION = re.compile(r'^(?P<indent>[ \t]*)(?P<mark>!!!|\?\?\?\+?)[ \t]+(?P<kind>[\w-]+)(?:[ \t]+"(?P<title>[^"]*)")?[ \t]*$')
IMAGE = re.compile(r'!\[(?P<alt>[^\]]*)\]\(\s*<?(?P<src>[^)\s>]+)|<img\b[^>]*\bsrc="(?P<html_src>[^"]+)"')


class DocTestError(Exception):
    """A page or block the engine rejects, or a block whose output differs."""


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


def pins(root: Path = ROOT) -> dict[str, str]:
    """{"torch": "2.13.0", ...} from requirements.txt's `name==version` lines (the notebooks'
    install line, tools/drift.py's venvs)."""
    found = {}
    for line in (root / "requirements.txt").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^([A-Za-z0-9_.-]+)==([^\s#;]+)", line.strip())
        if m:
            found[m[1].lower()] = m[2]
    return found


def rel(path: Path) -> str:
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


@functools.cache
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
        body = "\n".join(dedent(lines[i + 1:j], indent))
        found.append(Fence(fence_lang(m["info"]), m["info"].strip(), body, i + 1, j + 1, indent))
        i = j + 1
    return found


def dedent(lines: list[str], indent: str) -> list[str]:
    return [l[len(indent):] if l.startswith(indent) else l.lstrip() for l in lines]


def indented_end(lines: list[str], start: int, inner: str | tuple[str, ...]) -> int:
    """End (exclusive) of the lines from `start` that belong to a block indented by `inner`
    (blank lines inside it, not after it)."""
    end = start
    for j in range(start, len(lines)):
        if lines[j].strip() and not lines[j].startswith(inner):
            break
        end = j + 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return end


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


def page_fences(page: Path, text: str) -> list[Fence]:
    """The page's fences; a fence never closed raises DocTestError naming the page."""
    try:
        return fences(text)
    except DocTestError as err:
        raise DocTestError(f"{rel(page)} [{page_lang(page)}] {err}") from None


def read_page(page: Path, text: str | None = None, all_fences: list[Fence] | None = None
              ) -> dict[int, Block | DocTestError]:
    """Each Python fence of a page by the line of its opening: its Block, or the DocTestError
    that says why the engine refuses it. A fence marked `notest` with its reason in an HTML
    comment on the line above (`<!-- notest: why -->`) is left out; without one it is refused.
    A page with a fence never closed raises DocTestError. `text`, `all_fences`: the page's, if
    read already."""
    text = page.read_text(encoding="utf-8") if text is None else text
    lang = page_lang(page)
    all_fences = page_fences(page, text) if all_fences is None else all_fences
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
    found = list(read(page).blocks.values())
    for entry in found:
        if isinstance(entry, DocTestError):
            raise entry
    return found



# Formulas in a page's Markdown source: $$display$$ and $inline$ (pymdownx.arithmatex's syntax).
MATH = re.compile(r"\$\$(?P<display>.+?)\$\$|(?<![\\$])\$(?P<inline>[^$\n]+?)\$", re.S)


def formulas_in(markdown: str):
    """Each formula of a Markdown text (a notebook's cell) outside code and comments."""
    return prose_formulas(prose_lines(markdown, fences(markdown)))


def prose_formulas(lines: list[str]):
    """Each formula of a text's prose_lines."""
    text = "\n".join(lines)
    text = re.sub(r"`[^`\n]*`", lambda m: " " * len(m[0]), text)  # inline code is not math
    for m in MATH.finditer(text):
        display = m["display"] is not None
        yield Formula(text.count("\n", 0, m.start()) + 1, (m["display"] if display else m["inline"]).strip(), display)


# --- the page as a whole ------------------------------------------------------------------------

@dataclass(frozen=True)
class Heading:
    line: int
    level: int
    text: str
    id: str          # the anchor MkDocs gives it ({#id} when written, else the toc's slug)


@dataclass(frozen=True)
class Figure:
    line: int
    src: str
    alt: str


@dataclass(frozen=True)
class Admonition:
    line: int
    kind: str        # note, warning, success, ...
    title: str | None
    mark: str        # !!!, ??? (collapsed: a solution when kind is success), ???+ (collapsible, open)
    indent: str      # the marker line's
    end: int         # its body's last line (the blank lines after it are not its)

    @property
    def collapsed(self) -> bool:
        return self.mark.startswith("???")


def admonitions(lines: list[str]) -> list[Admonition]:
    """Every admonition marked in `lines` (a page's or a part of one), nested ones too."""
    return [Admonition(n, m["kind"], m["title"], m["mark"], m["indent"],
                       indented_end(lines, n, (m["indent"] + "    ", m["indent"] + "\t")))
            for n, line in enumerate(lines, 1) if (m := ADMONITION.match(line))]


@dataclass(frozen=True)
class Formula:
    line: int
    tex: str
    display: bool


@dataclass
class Page:
    path: Path
    lang: str
    name: str                     # under docs/<lang>/: 'autograd.md'
    title: str
    headings: list[Heading]
    formulas: list[Formula]
    figures: list[Figure]
    admonitions: list[Admonition]
    fences: list[Fence]
    blocks: dict[int, Block | DocTestError]  # each Python fence by its line (read_page)

    @property
    def solutions(self) -> list[Admonition]:
        return [a for a in self.admonitions if a.collapsed and a.kind == "success"]

    @property
    def files(self) -> list[Path]:
        """The page and every file its blocks read (snippets, outputs)."""
        blocks = [b for b in self.blocks.values() if isinstance(b, Block)]
        return [self.path, *dict.fromkeys(p for b in blocks for p in [*b.snippets, b.out_file] if p)]

    @property
    def has_code(self) -> bool:
        """A chapter page: one with Python blocks."""
        return bool(self.blocks)


def prose_lines(text: str, page_fences: list[Fence]) -> list[str]:
    """The page's lines with front matter and fences blanked, then HTML comments (numbers and columns kept)."""
    lines = FRONT_MATTER.sub(lambda m: "\n" * m[0].count("\n"), text).split("\n")
    for f in page_fences:
        for i in range(f.line - 1, f.end):
            lines[i] = ""
    return COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), "\n".join(lines)).split("\n")


def slug(text: str) -> str:
    """The id MkDocs' toc gives a heading (the toc extension's own slugify, as mkdocs.yml uses it)."""
    from markdown.extensions.toc import slugify

    plain = re.sub(r"`([^`]*)`", r"\1", re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text))
    plain = re.sub(r"[*_]{1,2}([^*_]+)[*_]{1,2}", r"\1", plain)
    return slugify(plain, "-")


def headings(lines: list[str]) -> list[Heading]:
    from markdown.extensions.toc import unique  # the toc's rule for a repeated or empty id: x_1, x_2

    found, seen = [], set()
    for number, line in enumerate(lines, 1):
        if m := HEADING.match(line):
            found.append(Heading(number, len(m["level"]), m["text"], unique(m["id"] or slug(m["text"]), seen)))
    return found


def _read(path: Path) -> Page:
    text = path.read_text(encoding="utf-8")
    try:
        found_fences = page_fences(path, text)
    except DocTestError as err:  # a fence never closed: nothing else on the page can be trusted
        return Page(path, page_lang(path), page_name(path), "", [], [], [], [], [], {0: err})
    blocks = read_page(path, text, found_fences)
    lines = prose_lines(text, found_fences)
    found = headings(lines)
    title = next((h.text for h in found if h.level == 1), "")
    figures = [Figure(n, m["src"] or m["html_src"], m["alt"] or "")
               for n, line in enumerate(lines, 1) for m in IMAGE.finditer(line)]
    boxes = [a for a in admonitions(text.split("\n")) if lines[a.line - 1].strip()]  # (not in a fence or a comment)
    maths = list(prose_formulas(lines))
    return Page(path, page_lang(path), page_name(path), title, found, maths, figures, boxes, found_fences, blocks)


def stamps(files) -> tuple:
    return tuple(f.stat().st_mtime_ns if f.is_file() else None for f in files)


READ: dict[Path, tuple[tuple, Page]] = {}


def read(path: Path) -> Page:
    """The page, read once while it and the snippet files its blocks include stay the same."""
    path = Path(path).resolve()
    if path in READ and stamps(READ[path][1].files) == READ[path][0]:
        return READ[path][1]
    before = stamps([path])
    page = _read(path)
    READ[path] = (before + stamps(page.files[1:]), page)
    return page
