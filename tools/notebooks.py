"""Make every chapter a Jupyter notebook, in every language, from the chapter's page.

    python -m tools.notebooks        # writes docs/<lang>/notebooks/<chapter>.ipynb

A chapter is a page with Python blocks (tools.doctests finds them). Its notebook holds, in
order: a Markdown cell with the page's title and a link to the chapter; a code cell with
the `%pip install` line for the pinned torch and numpy, commented out; then the page
itself: the prose between blocks as Markdown cells (pymdown-only syntax turned into plain
Markdown), each Python block as a code cell whose output is the block's stored output.

A notebook names no host: its links to pages are relative (`../pretraining.md`), so no fork
has to regenerate it. The site's build turns them into links to its pages, and adds the
"Open in Colab" link of the repository it is built for (tools/notebook_pages.py).

The notebooks are generated, never edited by hand. The output is deterministic (sorted
keys, cell ids from positions, no timestamps), so running this twice changes nothing, and
tests/test_notebooks.py fails when a committed notebook differs from what this makes.
"""
from __future__ import annotations

import base64
import copy
import json
import posixpath
import re
import sys
from pathlib import Path

from tools.site_config import chapter_pages, language_entry
from tools.strings import strings

from tools.page import (COMMENT, FRONT_MATTER, HEADING, INCLUDE, ROOT, Block, DocTestError, admonitions, dedent, docs_dir,
                        fences, indented_end, page_lang, page_name, parse_page, pins, read, rel, slug, snippet_dir)
from tools.doctests import normalise_end

REGENERATE = "To regenerate the notebooks (and every other generated file): python -m tools.refresh"
INSTALL_TAG = "install"  # the one code cell that is not run by the tests
SOLUTION_TAG = "solution"  # a code cell from a collapsed block (`??? success "Solution"`): hidden in Jupyter
SOLUTION_METADATA = {"tags": [SOLUTION_TAG], "jupyter": {"source_hidden": True, "outputs_hidden": True}}
PINNED = ("torch", "numpy")

ABBREVIATION = re.compile(r"^\*\[[^\]]+\]:")
ATTR_LIST = re.compile(r"[ \t]*\{:?[ \t]*(?:[#.][A-Za-z][\w-]*|[A-Za-z][\w-]*=\S+)(?:[ \t]+(?:[#.][A-Za-z][\w-]*|[A-Za-z][\w-]*=\S+))*[ \t]*\}")
IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?![a-z]+:|#|/)(?P<path>[^)\s]+)\)")
IMAGE_TYPES = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif"}
PAGE_LINK = re.compile(r"\]\((?![a-z]+:|#|/)(?P<path>[^)\s#]+\.md)(?P<anchor>#[^)\s]*)?\)")


# --- the site's settings --------------------------------------------------------------------

def pinned(root: Path) -> dict[str, str]:
    """The versions of PINNED that requirements.txt pins (the notebook's install cell)."""
    found = pins(root)
    if any(name not in found for name in PINNED):
        raise DocTestError(f"requirements.txt must pin {' and '.join(PINNED)} with ==")
    return found


def notebook_path(page: Path) -> Path:
    return docs_dir(page) / page_lang(page) / "notebooks" / Path(page_name(page)).with_suffix(".ipynb")


# --- page -> cells --------------------------------------------------------------------------

def collapsed(kind: str, summary: str, body: list[str]) -> list[str]:
    """Text of a collapsed block (`???`) as HTML <details>, which Jupyter and the site show
    closed; Material styles it like the page's block (class = the block's kind)."""
    return [f'<details class="{kind}"><summary>{summary}</summary>', "", *body, "", "</details>"]


def plain_blocks(lines: list[str], words: dict) -> list[str]:
    """Admonitions become a quoted bold title and text (a collapsed one a closed <details>)."""
    out, done = [], 0
    for adm in admonitions(lines):
        if adm.line <= done:
            continue  # in the body of one above, made plain with it
        out += lines[done:adm.line - 1]
        body = plain_blocks(dedent(lines[adm.line:adm.end], adm.indent + "    "), words)
        title = adm.title if adm.title is not None else words["admonitions"].get(adm.kind, adm.kind.capitalize())
        if adm.mark == "???" and any(l.strip() for l in body):  # collapsed: stays collapsed
            out += [adm.indent + l if l else l for l in collapsed(adm.kind, title or adm.kind.capitalize(), body)]
        else:  # (a collapsed block whose body starts with code leaves only its title here)
            quoted = ([f"**{title}**", ""] if title else []) + body
            out += [adm.indent + ("> " + l if l.strip() else ">") for l in quoted]
        done = adm.end
    return out + lines[done:]


def page_link(target: str, name: str) -> str:
    """docs/<lang>/<target> as a link from the notebook of docs/<lang>/<name> (under notebooks/)."""
    return posixpath.relpath(posixpath.normpath(target), posixpath.dirname(f"notebooks/{name}"))


def jupyter_markdown(text: str, page: Path, words: dict) -> tuple[str, dict]:
    """Page prose (no Python blocks in it) as Markdown that Jupyter renders, and the cell's
    attachments: the page's images travel inside the notebook."""
    lines = text.split("\n")
    inside = set()
    for f in fences(text):
        inside.update(range(f.line - 1, f.end))
    kept = []
    for i, line in enumerate(lines):
        include = INCLUDE.match(line.strip())
        if i in inside:
            if include:  # a non-Python fence that includes a snippet: show the file
                path = snippet_dir(page) / include["path"]
                indent = line[:len(line) - len(line.lstrip())]
                kept += [indent + l if l else l for l in path.read_text(encoding="utf-8").rstrip("\n").split("\n")]
            else:
                kept.append(line)
        elif not include and not ABBREVIATION.match(line):
            if (m := HEADING.match(line)) and m["id"] and m["id"] != slug(m["text"]):
                line = f'{line[:m.end("text")]} <a id="{m["id"]}"></a>'  # Jupyter knows no {#id}; links to it need one
            kept.append(ATTR_LIST.sub("", line) if line.lstrip().startswith("#") or line.rstrip().endswith("}") else line)
    text = COMMENT.sub("", "\n".join(plain_blocks(kept, words)))
    base = Path(page_name(page)).parent

    def relative(m: re.Match) -> str:
        return f"]({page_link((base / m['path']).as_posix(), page_name(page))}{m['anchor'] or ''})"

    attachments = {}

    def attach(m: re.Match) -> str:
        path = page.parent / m["path"]
        if not path.is_file() or path.suffix.lower() not in IMAGE_TYPES:
            raise DocTestError(f"{rel(page)}: image {m['path']} not found, or not one of {sorted(IMAGE_TYPES)}")
        encoded = base64.b64encode(path.read_bytes()).decode()
        kind = IMAGE_TYPES[path.suffix.lower()]
        attachments[path.name] = {kind: [encoded] if kind == "image/svg+xml" else encoded}  # (nbformat splits SVG into lines)
        return f"![{m['alt']}](attachment:{path.name})"

    text = IMAGE.sub(attach, PAGE_LINK.sub(relative, text))
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n"), attachments


# Cells as nbformat 4.5 has them, written as nbformat's JSON writer writes them (text as lists of
# lines, keys sorted, one-space indent), without nbformat: importing and validating with it was
# most of the time a test of the notebooks took. `main` validates what it writes.

def markdown_cell(source: str, attachments: dict | None = None) -> dict:
    return {"cell_type": "markdown", "metadata": {}, "source": source.splitlines(keepends=True),
            **({"attachments": attachments} if attachments else {})}


def code_cell(source: str, printed: str | None = None, metadata: dict | None = None) -> dict:
    outputs = [{"output_type": "stream", "name": "stdout", "text": printed.splitlines(keepends=True)}] if printed is not None else []
    return {"cell_type": "code", "execution_count": None, "metadata": metadata or {}, "outputs": outputs,
            "source": source.splitlines(keepends=True)}


def page_cells(page: Path, words: dict) -> tuple[str, list]:
    """The page's title and its cells (prose and blocks, in order)."""
    text = page.read_text(encoding="utf-8")
    lines = text.split("\n")
    blocks: list[Block] = parse_page(page)
    front_matter = FRONT_MATTER.match(text)
    boxes = read(page).admonitions
    cells, pos, title, carry_indent = [], front_matter[0].count("\n") if front_matter else 0, None, ""
    for block in blocks + [None]:
        stop = block.line - 1 if block else len(lines)
        prose = lines[pos:stop]
        if carry_indent:  # text that goes on inside the admonition (adm) the block above stood in
            kept = indented_end(prose, 0, carry_indent)  # the blank lines after it stay
            carried = dedent(prose[:kept], carry_indent)
            first = next((i for i, l in enumerate(carried) if l.strip()), len(carried))
            if adm and adm.mark == "???" and first < len(carried):  # the rest of a solution: collapsed
                label = f"{adm.title or adm.kind.capitalize()}: {words['explanation']}"
                carried[first:] = collapsed(adm.kind, label, carried[first:])
            elif adm:  # the quote goes on after the code
                carried[first:] = ["> " + l if l.strip() else ">" for l in carried[first:]]
            prose[:kept] = carried
        if title is None:
            heading = next((k for k, l in enumerate(prose) if l.strip()), None)
            if heading is None or not prose[heading].startswith("# "):
                raise DocTestError(f"{rel(page)}: a chapter page must start with its `# Title`")
            title = prose[heading][2:].strip()
            prose = prose[heading + 1:]
        markdown, attachments = jupyter_markdown("\n".join(prose), page, words)
        if markdown:
            cells.append(markdown_cell(markdown, attachments))
        if block:
            adm = next((a for a in reversed(boxes) if a.line < block.line <= a.end), None)  # the one it stands in
            cells.append(code_cell(
                block.code.strip("\n"), printed=normalise_end(block.expected),
                metadata=copy.deepcopy(SOLUTION_METADATA) if adm and adm.mark == "???" else {}))
            pos, carry_indent = block.out_fence.end, block.out_fence.indent
    return title, cells


def make_notebook(page: Path) -> str:
    """The notebook of a chapter page, as the exact text of its .ipynb file."""
    root = docs_dir(page).parent
    versions = pinned(root)
    lang = page_lang(page)
    words = dict(strings(lang)["notebooks"])  # the few words the generator writes itself
    words["admonitions"] = language_entry(lang, root).get("admonition_translations") or {}
    title, cells = page_cells(page, words)
    pins_line = " ".join(f"{name}=={versions[name]}" for name in PINNED)
    pins_text = words["and"].join(f"`{name}=={versions[name]}`" for name in PINNED)
    header = markdown_cell(
        f"# {title}\n\n"
        f"[{words['page']}]({page_link(page_name(page), page_name(page))})\n\n"
        + words["install"].format(pins=pins_text))
    install = code_cell(
        f"# %pip install {pins_line}",
        metadata={"tags": [INSTALL_TAG]})
    cells = [header, install, *cells]
    count = 0
    for i, cell in enumerate(cells):
        cell["id"] = f"cell-{i}"
        if cell["cell_type"] == "code" and INSTALL_TAG not in cell["metadata"].get("tags", []):
            count += 1
            cell["execution_count"] = count  # as if run top to bottom in a fresh kernel
    notebook = {
        "cells": cells, "nbformat": 4, "nbformat_minor": 5,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        }}
    return json.dumps(notebook, indent=1, sort_keys=True, separators=(",", ": "), ensure_ascii=False) + "\n"


def notebooks_on_disk(docs: Path = ROOT / "docs") -> list[Path]:
    return sorted(docs.glob("*/notebooks/**/*.ipynb"))


def main() -> int:
    import nbformat

    wanted = {notebook_path(p): p for p in chapter_pages()}
    for path, page in wanted.items():
        text = make_notebook(page)
        nbformat.validate(nbformat.reads(text, as_version=4))  # raises on a notebook Jupyter would reject
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {rel(path)}")
    for path in notebooks_on_disk():
        if path not in wanted:  # its page is gone or has no Python blocks any more
            path.unlink()
            print(f"removed {rel(path)}")
    print(f"{len(wanted)} notebooks up to date")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except DocTestError as err:
        sys.exit(f"error: {err}")
