"""What a block printed is reused from the memo (tools/doctest_memo.py) only while all it
depends on stays the same, and the page's output block is still compared every time."""
import json
import shutil
from pathlib import Path

import pytest

from tools import doctest_memo
from tools.doctest_memo import Memo, for_session
from tools.doctests import DocTestError, check, parse_page, printed_by

FIXTURE = Path(__file__).parent / "fixtures" / "engine"
LIE = "what the memo says, not what the code prints\n"


def plant_lies(folder: Path) -> int:
    """Replace what every stored run in `folder` printed with LIE; how many there were."""
    stored = sorted(folder.glob("*.json"))
    for path in stored:
        entry = json.loads(path.read_text(encoding="utf-8"))
        path.write_text(json.dumps({**entry, "printed": LIE}), encoding="utf-8")
    return len(stored)


@pytest.fixture
def site(tmp_path):
    """A copy of the engine's fixture docs and snippets, with a page whose block passes."""
    shutil.copytree(FIXTURE, tmp_path, dirs_exist_ok=True)
    (tmp_path / "docs" / "en" / "adds.md").write_text(
        '# Adds\n\n```python\n--8<-- "demo/adds.py"\n```\n\n```text\n42\n```\n', encoding="utf-8")
    (tmp_path / "snippets" / "demo" / "adds.py").write_text("print(6 * 7)\n", encoding="utf-8")
    return tmp_path


def block(site):
    (found,) = parse_page(site / "docs" / "en" / "adds.md")
    return found


def stored_then_lied_about(site, name="memo") -> Path:
    """Run the block once into a new memo, then plant LIE in what it stored; the memo's folder."""
    folder = site / name
    memo = Memo(folder)
    assert printed_by(block(site), memo=memo) == "42\n" and (memo.ran, memo.reused) == (1, 0)
    assert plant_lies(folder) == 1
    return folder


def test_an_unchanged_block_is_reused_not_run(site):
    memo = Memo(stored_then_lied_about(site))
    assert printed_by(block(site), memo=memo) == LIE
    assert (memo.ran, memo.reused) == (0, 1)
    assert memo.summary().startswith("doc tests: 0 blocks run, 1 reused from ")
    assert memo.summary().endswith(f"/memo/ ({doctest_memo.SAME})")


@pytest.mark.parametrize("change", ["snippet", "engine", "torch", "numpy", "python", "threads"])
def test_a_change_in_what_the_output_depends_on_runs_the_block_again(site, change, monkeypatch):
    memo = Memo(stored_then_lied_about(site))
    threads = None
    if change == "snippet":
        (site / "snippets" / "demo" / "adds.py").write_text("print(6 * 7)  # the answer\n", encoding="utf-8")
    elif change == "engine":
        monkeypatch.setattr(doctest_memo, "engine", lambda: b"an edited tools/doctests.py")
    elif change == "threads":
        threads = 1
    else:
        versions = {"python": 0, "torch": 1, "numpy": 2}
        changed = list(doctest_memo.versions())
        changed[versions[change]] += " (another release)"
        monkeypatch.setattr(doctest_memo, "versions", lambda: tuple(changed))
    assert printed_by(block(site), memo=memo, threads=threads) == "42\n"
    assert (memo.ran, memo.reused) == (1, 0)


def test_another_device_is_another_key(site):
    b = block(site)
    assert Memo().key(b, "adds.py", "cpu", None) != Memo().key(b, "adds.py", "cuda", None)


def test_an_edited_output_block_still_fails_against_a_memo_hit(site):
    folder = site / "memo"
    printed_by(block(site), memo=Memo(folder))
    page = site / "docs" / "en" / "adds.md"
    page.write_text(page.read_text(encoding="utf-8").replace("```text\n42\n", "```text\n43\n"), encoding="utf-8")
    memo = Memo(folder)
    with pytest.raises(DocTestError, match=r"(?s)adds.md \[en\] line 3 .*-43\n\+42\n"):
        check(block(site), printed_by(block(site), memo=memo))
    assert memo.reused == 1


@pytest.mark.parametrize("garbage", [b"{not json", b"", b"\xff\xfe", b"[]", b'{"printed": 42}',
                                     b'{"key": "another key", "printed": "x"}'])
def test_a_corrupted_memo_file_is_a_miss(site, garbage):
    folder = stored_then_lied_about(site)
    (stored,) = folder.glob("*.json")
    stored.write_bytes(garbage)
    memo = Memo(folder)
    assert printed_by(block(site), memo=memo) == "42\n" and (memo.ran, memo.reused) == (1, 0)
    assert json.loads(stored.read_text(encoding="utf-8"))["printed"] == "42\n", "the run is stored again"


def test_every_block_runs_with_update_outputs_rerun_snippets_and_on_cuda(site):
    assert for_session("cuda", update_outputs=False, rerun=False) is None
    assert for_session("cpu", update_outputs=False, rerun=False).reuse
    for update_outputs, rerun in [(True, False), (False, True)]:
        memo = for_session("cpu", update_outputs, rerun, folder=stored_then_lied_about(site, f"memo{rerun}"))
        assert printed_by(block(site), memo=memo) == "42\n" and (memo.ran, memo.reused) == (1, 0)
        assert memo.summary() == ("doc tests: 1 blocks run, none reused (--update-outputs runs every block)"
                                  if update_outputs else "doc tests: 1 blocks run, none reused (--rerun-snippets)")


def test_a_block_that_raises_is_not_stored(site):
    memo = Memo(site / "memo")
    with pytest.raises(DocTestError, match="raised an exception"):
        for b in parse_page(site / "docs" / "en" / "raises.md"):
            printed_by(b, memo=memo)
    assert memo.ran == 1 and not list((site / "memo").glob("*.json"))
