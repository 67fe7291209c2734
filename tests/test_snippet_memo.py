"""What running a snippet gave is reused from the memo (tools/snippet_memo.py) only while all
it depends on stays the same, and what the page, notebook or committed figure shows is still
compared every time."""
import json
import shutil
from pathlib import Path

import pytest

from tools import snippet_memo
from tools.page import DocTestError, parse_page
from tools.doctests import check, printed_by
from tools.snippet_memo import for_session

from helpers import LIE, plant_lies

FIXTURE = Path(__file__).parent / "fixtures" / "engine"


def memo(folder, kind="blocks", **options):
    return snippet_memo.Memo(*snippet_memo.KINDS[kind], folder=folder, **options)


@pytest.fixture
def site(tmp_path):
    """A page whose block passes (adds.md), and the engine fixture's page whose block raises."""
    for name in ("docs/en/raises.md", "snippets/demo/raises.py"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(FIXTURE / name, tmp_path / name)
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
    first = memo(folder)
    assert printed_by(block(site), memo=first) == "42\n" and (first.ran, first.reused) == (1, 0)
    assert plant_lies(folder) == 1
    return folder


def test_an_unchanged_block_is_reused_not_run(site):
    again = memo(stored_then_lied_about(site))
    assert printed_by(block(site), memo=again) == LIE
    assert (again.ran, again.reused) == (0, 1)
    assert again.summary().startswith("doc-test blocks: 0 run, 1 reused from ")
    assert again.summary().endswith("/memo/ (same code, snippets, engine, device, threads, torch, numpy, python)")


@pytest.mark.parametrize("change", ["snippet", "engine", "torch", "numpy", "python", "threads"])
def test_a_change_in_what_the_output_depends_on_runs_the_block_again(site, change, monkeypatch):
    again = memo(stored_then_lied_about(site))
    threads = None
    if change == "snippet":
        (site / "snippets" / "demo" / "adds.py").write_text("print(6 * 7)  # the answer\n", encoding="utf-8")
    elif change == "engine":
        monkeypatch.setattr(snippet_memo, "engine", lambda: b"an edited tools/doctests.py")
    elif change == "threads":
        threads = 1
    else:
        real = snippet_memo.versions

        def versions(*packages):
            found = list(real(*packages))
            index = 0 if change == "python" else 1 + packages.index(change)
            return tuple(found[:index] + [found[index] + " (another release)"] + found[index + 1:])

        monkeypatch.setattr(snippet_memo, "versions", versions)
    assert printed_by(block(site), memo=again, threads=threads) == "42\n"
    assert (again.ran, again.reused) == (1, 0)


def test_another_device_is_another_key(site):
    b = block(site)
    assert snippet_memo.block_key(b, "adds.py", "cpu", None) != snippet_memo.block_key(b, "adds.py", "cuda", None)


def test_an_edited_output_block_still_fails_against_a_memo_hit(site):
    folder = site / "memo"
    printed_by(block(site), memo=memo(folder))
    page = site / "docs" / "en" / "adds.md"
    page.write_text(page.read_text(encoding="utf-8").replace("```text\n42\n", "```text\n43\n"), encoding="utf-8")
    again = memo(folder)
    with pytest.raises(DocTestError, match=r"(?s)adds.md \[en\] line 3 .*-43\n\+42\n"):
        check(block(site), printed_by(block(site), memo=again))
    assert again.reused == 1


@pytest.mark.parametrize("garbage", [b"{not json", b"", b"\xff\xfe", b"[]", b'{"value": "42\\n"}',
                                     b'{"key": "another key", "value": "x"}', "a result of the wrong kind"])
def test_a_corrupted_memo_file_is_a_miss(site, garbage):
    folder = stored_then_lied_about(site)
    (stored,) = folder.glob("*.json")
    if garbage == "a result of the wrong kind":
        garbage = json.dumps({**json.loads(stored.read_text(encoding="utf-8")), "value": 42}).encode()
    stored.write_bytes(garbage)
    again = memo(folder)
    assert printed_by(block(site), memo=again) == "42\n" and (again.ran, again.reused) == (1, 0)
    assert json.loads(stored.read_text(encoding="utf-8"))["value"] == "42\n", "the run is stored again"


def test_everything_runs_with_update_outputs_and_rerun_snippets_blocks_on_cuda(site):
    assert for_session("blocks", "cuda", update_outputs=False, rerun=False) is None
    assert for_session("notebooks", "cuda", update_outputs=False, rerun=False).reuse  # notebooks run on the CPU
    for kind in snippet_memo.KINDS:
        assert for_session(kind, "cpu", update_outputs=False, rerun=False).reuse
        for update_outputs, rerun in [(True, False), (False, True)]:
            assert not for_session(kind, "cpu", update_outputs, rerun).reuse
    for update_outputs, rerun in [(True, False), (False, True)]:
        fresh = for_session("blocks", "cpu", update_outputs, rerun, folder=stored_then_lied_about(site, f"m{rerun}"))
        assert printed_by(block(site), memo=fresh) == "42\n" and (fresh.ran, fresh.reused) == (1, 0)
        assert fresh.summary() == ("doc-test blocks: 1 run, none reused (--update-outputs runs everything)"
                                   if update_outputs else "doc-test blocks: 1 run, none reused (--rerun-snippets)")


def test_a_block_that_raises_is_not_stored(site):
    kept = memo(site / "memo")
    with pytest.raises(DocTestError, match="raised an exception"):
        for b in parse_page(site / "docs" / "en" / "raises.md"):
            printed_by(b, memo=kept)
    assert kept.ran == 1 and not list((site / "memo").glob("*.json"))


# --- notebooks and figures: their keys cover what their runs read -----------------------------

def test_a_notebook_key_changes_with_its_cells_and_its_runner(tmp_path):
    runner = tmp_path / "runner.py"
    runner.write_text("def run(): ...\n")
    key = snippet_memo.notebook_key(("x = 1", "print(x)"), runner)
    assert snippet_memo.notebook_key(("x = 1", "print(x)"), runner) == key
    assert snippet_memo.notebook_key(("x = 2", "print(x)"), runner) != key
    assert snippet_memo.notebook_key(("x = 1", "print(x)", ""), runner) != key
    runner.write_text("def run(): return 1\n")
    assert snippet_memo.notebook_key(("x = 1", "print(x)"), runner) != key


def test_a_figure_is_drawn_again_only_when_its_drawer_or_a_snippet_it_ran_changes(tmp_path, monkeypatch):
    """tools/figures.py keeps each drawer's figures with the snippet files it ran: editing one of
    them, or the drawer, draws it again; editing any other snippet does not."""
    from tools import figures

    snippets = tmp_path / "snippets"
    (snippets / "a").mkdir(parents=True)
    (snippets / "a" / "data.py").write_text("x = 1\n")
    (snippets / "a" / "other.py").write_text("y = 2\n")
    drawer = snippets / "a" / "x_figure.py"
    drawer.write_text("from tools.figures import snippet_namespace\n\n"
                      "def figures():\n    return {'x.svg': str(snippet_namespace('a/data.py')['x'])}\n")
    monkeypatch.setattr(figures, "SNIPPETS", snippets)
    monkeypatch.setattr(figures, "ROOT", tmp_path)
    monkeypatch.setattr(figures, "rel", lambda p: p.relative_to(tmp_path).as_posix())

    def draw():
        kept = memo(tmp_path / "memo", "figures")
        return figures.drawn_by("a/x_figure.py", kept), (kept.ran, kept.reused)

    assert draw() == ({"x.svg": "1"}, (1, 0))
    assert draw() == ({"x.svg": "1"}, (0, 1))
    (snippets / "a" / "other.py").write_text("y = 3\n")
    assert draw() == ({"x.svg": "1"}, (0, 1))
    (snippets / "a" / "data.py").write_text("x = 5\n")
    assert draw() == ({"x.svg": "5"}, (1, 0))
    drawer.write_text(drawer.read_text().replace("['x'])", "['x'] * 2)"))
    assert draw() == ({"x.svg": "10"}, (1, 0))
