"""Every chapter has a notebook per language (made by tools/notebooks.py) that is up to
date with its page (so its stored outputs are the page's), and that runs top to bottom as in a
fresh Jupyter kernel, each cell printing what its code prints alone (tools/doctests.py's run of
its block): a changed output fails once, in the doc tests, not again here; an edited snippet
fails its doc test and the staleness check, not this one (a stale cell is run alone as it is).

The cells run in-process, in one namespace per notebook, as a kernel runs them: each sees
what the cells above it left behind, `__file__` is not defined, a last line whose value
Jupyter would display or anything written to stderr (warnings too) is an error. torch is
imported once for the whole session (when a cell uses it); a notebook's run is shared by its
languages (same code), and kept in .cache/snippet-runs/ for the next session while its
cells, this runner, the engine and the versions stay the same (tools/snippet_memo.py;
`--rerun-snippets` runs them anyway). Always on the CPU: the stored outputs are the CPU ones,
whatever --device says.
"""
from __future__ import annotations

import ast
import contextlib
import difflib
import functools
import io
import json
import shutil
import sys
import traceback
import warnings
from dataclasses import replace
from pathlib import Path

import pytest
from tools.site_config import chapter_pages, nav_entries

from tools.page import ROOT, DocTestError, parse_page, read, rel
from tools.doctests import (TIME_LIMIT_S, OwnOutput, TimeLimit, diff, fresh_torch_defaults, in_background, normalise_end,
                            printed_by, time_limit)
from tools.notebooks import (
    IMAGE, INSTALL_TAG, REGENERATE, code_cell, make_notebook, notebook_path, notebooks_on_disk,
)

HANG = "Run All would hang here"  # a cell past the time limit (a run not kept in the memo)
FIX_HINT = "A cell must print in a kernel, after the cells above it, what its block prints alone."


CHAPTER_PAGES = chapter_pages()  # mkdocs.yml's
NOTEBOOKS = notebooks_on_disk()
CHAPTER_OF = {notebook_path(page): page for page in CHAPTER_PAGES}  # each chapter's notebook: its page


class Node(dict):
    """A part of a notebook, its fields also as attributes (as nbformat's NotebookNode)."""
    __getattr__ = dict.__getitem__


def loaded(text: str) -> Node:
    """A notebook's JSON, each text (a list of lines in the file) as one string, as nbformat reads it."""
    notebook = json.loads(text, object_hook=Node)
    for cell in notebook.cells:
        cell["source"] = "".join(cell.source)
        for output in cell.get("outputs", []):
            if "text" in output:
                output["text"] = "".join(output.text)
    return notebook


@functools.cache
def stored(path: Path) -> Node:
    """A notebook as its file holds it, read once (checked against nbformat's schema where it
    runs: schema_problem)."""
    return loaded(path.read_text(encoding="utf-8"))


# --- up to date with the pages --------------------------------------------------------------

def stale_error(page: Path) -> str | None:
    """Why the committed notebook of `page` is not what the generator makes now, or None."""
    path = notebook_path(page)
    if not path.is_file():
        return f"{rel(path)} is missing: {rel(page)} has Python blocks.\n{REGENERATE}"
    stored, fresh = path.read_text(encoding="utf-8"), make_notebook(page)
    if stored == fresh:
        return None
    lines = list(difflib.unified_diff(stored.splitlines(keepends=True), fresh.splitlines(keepends=True),
                                      fromfile=f"{rel(path)} (committed)",
                                      tofile=f"made now from {rel(page)} and its snippets"))
    shown = "".join(lines[:60]) + (f"... ({len(lines) - 60} more diff lines)\n" if len(lines) > 60 else "")
    return f"{rel(path)} is stale: it differs from what its page and snippets make now\n{shown}{REGENERATE}"


@pytest.mark.parametrize("page", CHAPTER_PAGES, ids=[rel(p).removeprefix("docs/") for p in CHAPTER_PAGES])
def test_notebook_is_up_to_date(page):
    try:
        error = stale_error(page)
    except DocTestError as refused:  # a block the engine refuses (its doc test says so too)
        error = str(refused)
    if error:
        pytest.fail(error, pytrace=False)


def test_every_notebook_belongs_to_a_chapter():
    orphans = [rel(p) for p in NOTEBOOKS if p not in CHAPTER_OF]
    assert not orphans, f"notebooks without a chapter page: {orphans}\n{REGENERATE}"


def test_every_notebook_is_in_the_nav():
    in_nav = set(nav_entries()[1])
    missing = sorted({p.relative_to(p.parents[1]).as_posix() for p in NOTEBOOKS} - in_nav)
    assert not missing, f"add these to the Notebooks section of the nav in mkdocs.yml: {missing}"


# --- runs top to bottom and prints its stored outputs --------------------------------------

def run_cell(code: str, filename: str, namespace: dict):
    """Run a cell as IPython does; return the value its last line would display, or None."""
    tree = ast.parse(code, filename)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    exec(compile(tree, filename, "exec"), namespace)
    if last is None:
        return None
    value = eval(compile(ast.Expression(last.value), filename, "eval"), namespace)
    return None if code.rstrip().endswith(";") else value


def run_notebook(codes: tuple[str, ...], limit: float | None = TIME_LIMIT_S) -> list[tuple[str, str]]:
    """(printed, problem) per cell, run in order in one fresh namespace; stops at an exception or
    at a cell that runs past `limit` seconds (a block's time limit: `pytest --block-time-limit`)."""
    fresh_torch_defaults("cpu")             # a fresh kernel's defaults
    namespace = {"__name__": "__main__"}    # a kernel's namespace: no __file__
    results = []
    for i, code in enumerate(codes):
        out, err = io.StringIO(), io.StringIO()
        problems, stops = [], True  # Run All stops at a cell that raises or never ends
        caught = []  # this thread's warnings (the suite's background threads warn elsewhere)
        with contextlib.redirect_stdout(OwnOutput(out, sys.stdout)), \
                contextlib.redirect_stderr(OwnOutput(err, sys.stderr)), warnings.catch_warnings():
            warnings.simplefilter("default")
            elsewhere = warnings.showwarning
            warnings.showwarning = lambda *shown, **more: (elsewhere(*shown, **more) if in_background()
                                                           else caught.append(shown))
            try:
                with time_limit(limit):
                    shown = run_cell(code, f"<cell {i}>", namespace)
                stops = False
                if shown is not None:
                    problems.append(f"its last line's value would be displayed too: {shown!r}; "
                                    "print it, assign it, or end the line with ;")
            except TimeLimit as stopped:
                problems.append(f"it {stopped} ({HANG})")
            except BaseException as error:  # noqa: BLE001 - a cell may raise anything
                if isinstance(error, KeyboardInterrupt):
                    raise
                problems.append("it raised an exception (Run All stops here)\n"
                                + "".join(traceback.format_exception(error)))
        problems += [f"it warns: {category.__name__}: {message}" for message, category, *_ in caught]
        if err.getvalue():
            problems.append(f"it writes to stderr:\n{err.getvalue()}")
        results.append((out.getvalue(), "\n".join(problems)))
        if stops:
            break
    if "torch" in sys.modules:
        sys.modules["torch"].set_default_device("cpu")
    return results


def schema_problem(path: Path, memo) -> str:
    """Why nbformat's schema rejects the notebook's file ('' when it accepts it), or what it said
    before of the same bytes under the same nbformat (memo: importing nbformat is a tenth of a
    second, most of this module's time)."""
    def validate() -> str:
        import nbformat

        try:
            nbformat.validate(stored(path))
            return ""
        except nbformat.ValidationError as invalid:
            return invalid.message

    return memo.remembered(memo.key(path.read_bytes()), validate, str)


def results(codes: tuple[str, ...], memo, limit: float | None = TIME_LIMIT_S) -> list:
    """run_notebook(codes), a (printed, problem) pair per cell, or what it gave before for the
    same cells, this runner, the engine and the same versions (memo: tools/snippet_memo.py,
    which gives the pairs back as lists; a run stopped by the time limit is not kept)."""
    return memo.remembered(memo.key(codes, Path(__file__)), lambda: run_notebook(codes, limit), list,
                           keep=lambda fresh: not any(HANG in problem for _, problem in fresh))


def printed_alone(source: str, block, cache: dict, memo, limit: float | None = TIME_LIMIT_S) -> str:
    """What a cell's code prints run alone: its block's doc-test run when the cell holds the
    block's code; else (a stale notebook, which test_notebook_is_up_to_date reports) the cell's
    own code, so that a changed snippet fails there and in its doc test, not here too."""
    if block.code.strip("\n") != source:
        block = replace(block, code=source + "\n")
    try:
        return printed_by(block, cache=cache, memo=memo, limit=limit)
    except DocTestError as error:
        return str(error)


def notebook_errors(path: Path, cache: dict, memos: dict, alone: list[str] | None = None,
                    limit: float | None = TIME_LIMIT_S) -> list[str]:
    """Every way running the notebook in a kernel differs from running its page's blocks alone
    (`alone`: what each block prints, by default the doc tests' runs of its page's blocks)."""
    invalid = schema_problem(path, memos["schema"])
    if invalid:
        return [f"{rel(path)} is not a notebook Jupyter opens: {invalid}"]
    notebook = stored(path)
    code_cells = [(i, c) for i, c in enumerate(notebook.cells) if c.cell_type == "code"]
    if not code_cells or INSTALL_TAG not in code_cells[0][1].metadata.get("tags", []):
        return [f"{rel(path)}: the first code cell must be the `{INSTALL_TAG}` cell"]
    install = code_cells[0][1].source
    if any(l.strip() and not l.lstrip().startswith("#") for l in install.split("\n")):
        return [f"{rel(path)}: the `{INSTALL_TAG}` cell is not run by the tests, so it may hold only comments"]
    cells = code_cells[1:]
    if any(INSTALL_TAG in c.metadata.get("tags", []) for _, c in cells):
        return [f"{rel(path)}: only the first code cell may be tagged `{INSTALL_TAG}`"]
    codes = tuple(c.source for _, c in cells)
    key = ("notebook", codes)
    if key not in cache:
        cache[key] = results(codes, memos["notebooks"], limit)
    if alone is None and path not in CHAPTER_OF:
        return [f"{rel(path)} has no chapter page to compare its cells with\n{REGENERATE}"]
    if alone is None:
        alone = [printed_alone(cell.source, block, cache, memos.get("blocks"), limit)
                 for (_, cell), block in zip(cells, parse_page(CHAPTER_OF[path]))]
    errors = []
    for (index, cell), (printed, problem), by_itself in zip(cells, cache[key], alone):
        lines = [l for l in cell.source.splitlines() if l.strip() and not l.startswith(("import ", "from ", "#"))]
        where = f"{rel(path)} cell {index}, In [{cell.execution_count}] ({lines[0].strip() if lines else 'empty'!r})"
        if any(o.output_type != "stream" or o.name != "stdout" for o in cell.outputs):
            errors.append(f"{where}: stores an output other than printed text")
        if problem:
            errors.append(f"{where}: {problem}")
        if normalise_end(printed) != normalise_end(by_itself):
            errors.append(f"{where}: prints something else in the kernel than its block alone\n"
                          + diff(normalise_end(by_itself), normalise_end(printed), "its block alone"))
    if len(cache[key]) < len(cells):
        errors.append(f"{rel(path)}: {len(cells) - len(cache[key])} cells after the failing one never ran")
    return errors


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.relative_to(ROOT / "docs").as_posix() for p in NOTEBOOKS])
def test_notebook_prints_its_stored_outputs(path, run_cache, memos, request):
    try:
        errors = notebook_errors(path, run_cache, memos, limit=request.config.getoption("--block-time-limit"))
    except DocTestError as refused:  # its page has a block the engine refuses (its doc test says so too)
        errors = [str(refused)]
    if errors:
        pytest.fail("\n\n".join(errors) + "\n" + FIX_HINT, pytrace=False)


# --- the checks can fail ---------------------------------------------------------------------

def copy_chapter(page: Path, tmp: Path) -> Path:
    """A copy under tmp of what the notebook of `page` is made from (the page, the files its
    blocks include, its images, the site's settings) and of the notebook; the page's copy."""
    images = [page.parent / m["path"] for m in IMAGE.finditer(page.read_text(encoding="utf-8"))]
    for path in (ROOT / "mkdocs.yml", ROOT / "requirements.txt", *read(page).files, *images, notebook_path(page)):
        copy = tmp / path.resolve().relative_to(ROOT)
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, copy)
    return tmp / page.relative_to(ROOT)


def smallest_chapter() -> Path:
    """The chapter whose notebook is made from the fewest files (copying them is most of a
    planted fault's time)."""
    if not CHAPTER_PAGES:
        pytest.fail("no chapter page to plant a fault in", pytrace=False)
    return min(CHAPTER_PAGES, key=lambda page: len(read(page).files))


def test_stale_check_fails_when_a_snippet_changes(tmp_path):
    page = copy_chapter(smallest_chapter(), tmp_path)
    assert stale_error(page) is None
    snippet = parse_page(page)[0].snippets[0]
    snippet.write_text(snippet.read_text(encoding="utf-8") + 'print("planted")\n', encoding="utf-8")
    error = stale_error(page)
    assert error and "is stale" in error and 'print(\\"planted\\")' in error and REGENERATE in error


def test_stale_check_fails_on_a_wrong_stored_output(tmp_path):
    page = copy_chapter(smallest_chapter(), tmp_path)
    notebook = json.loads(notebook_path(page).read_text(encoding="utf-8"))
    cell = next(c for c in notebook["cells"] if c["cell_type"] == "code" and c["outputs"])
    cell["outputs"][0]["text"].insert(0, "planted\n")
    notebook_path(page).write_text(json.dumps(notebook), encoding="utf-8")
    error = stale_error(page)
    assert error and "is stale" in error and "planted" in error and REGENERATE in error


def test_a_cell_that_prints_otherwise_after_the_cells_above_fails(tmp_path, memos):
    """A block that passes alone but, in a kernel, sees what an earlier cell left behind."""
    notebook = {"cells": [code_cell("# %pip install torch", metadata={"tags": [INSTALL_TAG]}), code_cell("x = 1\nprint(x)"),
                          code_cell("print(globals().get('x'))")], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    for i, cell in enumerate(notebook["cells"]):
        cell["id"] = f"cell-{i}"
    path = tmp_path / "planted.ipynb"
    path.write_text(json.dumps(notebook), encoding="utf-8")
    errors = notebook_errors(path, {}, memos, alone=["1\n", "None\n"])
    assert len(errors) == 1 and "cell 2" in errors[0] and "-None\n+1\n" in errors[0], errors


def test_only_what_the_cell_itself_writes_or_warns_is_its_own():
    """The suite's background threads (a site server, a build) write and warn while cells run."""
    elsewhere = ("import sys, threading, warnings\n"
                 "t = threading.Thread(target=lambda: (print('elsewhere', file=sys.stderr), print('elsewhere'),"
                 " warnings.warn('elsewhere')))\nt.background = True\nt.start(); t.join()\nprint('mine')")
    own_thread = "import threading, warnings\nt = threading.Thread(target=lambda: warnings.warn('mine'))\nt.start(); t.join()"
    with pytest.warns(UserWarning, match="elsewhere"):  # shown as the thread's, not the cell's
        assert run_notebook((elsewhere, own_thread)) == [("mine\n", ""), ("", "it warns: UserWarning: mine")]


def test_a_stale_cell_is_compared_with_its_own_code_run_alone():
    """A snippet edited since its notebook was made fails its doc test and the staleness check,
    not this check as well: the notebook's old cell is compared with the old code run alone."""
    block = parse_page(ROOT / "tests" / "fixtures" / "engine" / "docs" / "en" / "wrong_output.md")[0]
    assert printed_alone(block.code.strip("\n"), block, {}, None) == "2\n"  # the block's own run
    assert printed_alone("print('the code before the edit')", block, {}, None) == "the code before the edit\n"


def test_a_notebook_jupyter_would_reject_fails(tmp_path, memos):
    path = tmp_path / "planted.ipynb"
    path.write_text(json.dumps({"cells": [{"cell_type": "code", "id": "c", "metadata": {}, "source": "print(1)"}],
                                "metadata": {}, "nbformat": 4, "nbformat_minor": 5}), encoding="utf-8")
    errors = notebook_errors(path, {}, memos, alone=["1\n"])
    assert len(errors) == 1 and "is not a notebook Jupyter opens" in errors[0] and "outputs" in errors[0], errors


def test_runner_flags_what_a_kernel_would_show_beyond_the_prints():
    results = run_notebook(("x = 41", "print(x + 1)\nx + 1", "import sys\nprint('oops', file=sys.stderr)",
                            "print(__file__)"))
    assert results[0] == ("", "")
    assert results[1][0] == "42\n" and "would be displayed" in results[1][1]
    assert "writes to stderr" in results[2][1]
    assert "NameError" in results[3][1]


def test_after_a_cell_that_never_ends_or_raises_no_cell_runs():
    results = run_notebook(("print('before')", "print('started')\nwhile True:\n    pass", "print('after')"), limit=0.05)
    assert len(results) == 2 and results[0] == ("before\n", ""), results
    printed, problem = results[1]
    assert printed == "started\n" and "ran past the time limit of 0.05 s (Run All would hang here)" in problem, problem
    warned_then_raised = run_notebook(("import warnings\nwarnings.warn('careful')\nraise ValueError", "print('after')"))
    assert len(warned_then_raised) == 1 and "it warns" in warned_then_raised[0][1], warned_then_raised


# --- exercise solutions stay collapsed ---------------------------------------------------------

def test_solutions_stay_collapsed(tmp_path):
    """A code block in a collapsed block (`??? success "Solution"`) becomes a solution cell that
    Jupyter shows collapsed, and the text after it a closed <details>; an open block's code and
    text (`!!! note`) stay as they are."""
    for name in ("mkdocs.yml", "requirements.txt"):
        shutil.copy(ROOT / name, tmp_path / name)
    page = tmp_path / "docs" / "en" / "exercise.md"
    page.parent.mkdir(parents=True)
    page.write_text(
        '# Exercise\n\nWhat is 6 * 7?\n\n??? success "Solution"\n    ```python\n    print(6 * 7)\n    ```\n\n'
        '    ```text\n    42\n    ```\n\n    Six sevens.\n\nNext exercise.\n\n!!! note\n    ```python\n    print(1)\n    ```\n\n'
        '    ```text\n    1\n    ```\n\n    Open text.\n', encoding="utf-8")
    cells = loaded(make_notebook(page)).cells
    assert cells[0].source.startswith("# Exercise\n")
    code = {c.source: c for c in cells if c.cell_type == "code"}
    assert code["print(6 * 7)"].metadata == {"tags": ["solution"], "jupyter": {"source_hidden": True, "outputs_hidden": True}}
    assert code["print(1)"].metadata == {}
    markdown = "\n".join(c.source for c in cells if c.cell_type == "markdown")
    assert '> **Solution**' in markdown
    assert '<details class="success"><summary>Solution: explanation</summary>\n\nSix sevens.\n\n</details>\n\nNext exercise.\n\n> **Note**' in markdown
    assert "> Open text." in markdown


@pytest.mark.parametrize("page", CHAPTER_PAGES, ids=[rel(p).removeprefix("docs/") for p in CHAPTER_PAGES])
def test_every_chapter_has_exercises_with_hidden_solution_cells(page):
    """At least 3 solutions (`??? success` blocks) per chapter, each one hidden cell in the notebook."""
    solutions_on_page = len(read(page).solutions)
    notebook = stored(notebook_path(page))
    cells = [c for c in notebook.cells if "solution" in c.metadata.get("tags", [])]
    assert solutions_on_page >= 3, f"{rel(page)}: {solutions_on_page} exercise solutions, the chapters end with 3 to 5"
    assert len(cells) == solutions_on_page, f"{rel(notebook_path(page))}: {len(cells)} solution cells for {solutions_on_page} solutions on {rel(page)}"
    assert all(c.metadata["jupyter"] == {"source_hidden": True, "outputs_hidden": True} for c in cells)


def test_notebook_pages_show_solution_cells_closed():
    """tools/notebook_pages.py wraps a solution cell (nbconvert nests its div in a copy of itself)
    in a closed <details>, and leaves other cells alone."""
    from tools.notebook_pages import closed_solutions
    from tools.site_config import languages
    from tools.strings import strings

    words = strings(languages()[-1])["notebook_pages"]

    solution = ('<div class="jp-Cell jp-CodeCell jp-Notebook-cell celltag_solution">\n'
                '<div class="jp-Cell jp-CodeCell jp-Notebook-cell celltag_solution">\n<div>code</div>\n</div>\n</div>')
    other = '<div class="jp-Cell jp-CodeCell jp-Notebook-cell">\n<div>more</div>\n</div>'
    html = closed_solutions(f"<p>Text</p>{solution}\n{other}", words)
    assert html == (f'<p>Text</p><details class="success"><summary>{words["solution"]}</summary>'
                    f"{solution}</details>\n{other}")
