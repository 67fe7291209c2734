"""The doc-test engine on fixture pages, in this process: --update-outputs, a page's blocks refused one by one,
the output of threads. (What each planted fault's failure says, blocks in a box and in solutions among them,
through pytest-markdown-docs' items: tests/test_doc_items.py.)"""
import shutil
from pathlib import Path

import pytest

from tools.page import DocTestError, pages, parse_page, read_page
from tools.doctests import check, printed_by, run_code, update

FIXTURE = Path(__file__).parent / "fixtures" / "engine"


@pytest.fixture
def site(tmp_path):
    """A writable copy of the fixture docs/ and snippets/."""
    shutil.copytree(FIXTURE, tmp_path, dirs_exist_ok=True)
    return tmp_path


def test_update_outputs_fixes_files_and_inline_blocks_and_is_idempotent(site):
    def update_all():
        changed = []
        for page in pages(site / "docs"):
            if page.name in ("missing_snippet.md", "raises.md", "no_output.md"):
                continue
            for block in parse_page(page):
                changed.append(update(block, printed_by(block)))
        return changed

    assert any(update_all())
    snapshot = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert not any(update_all()), "a second update changed something"
    assert snapshot == {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert (site / "snippets" / "demo" / "adds_wrong.out").read_text() == "2\n"
    for page in ("wrong_output.md", "inline.md"):
        for block in parse_page(site / "docs" / "en" / page):
            check(block, printed_by(block))  # passes now
    assert "    42\n    ```" in (site / "docs" / "en" / "inline.md").read_text()


def test_each_block_of_a_page_is_refused_on_its_own(site):
    """read_page keeps a page's good blocks beside the ones it refuses (each item fails alone)."""
    page = site / "docs" / "en" / "mixed.md"
    page.write_text("# Mixed\n\n```python\nprint(1)\n```\n\n```text\n1\n```\n\n```python\nprint(2)\n```\n",
                    encoding="utf-8")
    good, bad = read_page(page).values()
    check(good, printed_by(good))
    assert isinstance(bad, DocTestError) and "line 11: Python block has no output block" in str(bad)
    with pytest.raises(DocTestError, match=r"mixed.md \[en\] line 11: Python block has no output block"):
        parse_page(page)  # the page as a whole: its first refused block


def test_only_what_the_block_itself_prints_is_its_output():
    """The suite's background threads (marked `background`) print while blocks run: not the
    block's output; what the block's own threads print is."""
    code = ("import threading\nt = threading.Thread(target=lambda: print('elsewhere'))\nt.background = True\n"
            "t.start(); t.join()\nt = threading.Thread(target=lambda: print('its own thread'))\nt.start(); t.join()\n"
            "print('mine')\n")
    assert run_code(code, "threads.py") == "its own thread\nmine\n"
