"""tools/build_memo.py: a build step's result is reused only for the same input, and what the
build memo answers is what the step itself makes (Pygments' colouring, Material's search entries);
a template is compiled once, and again when its source changes."""
from types import SimpleNamespace

import markdown
import pymdownx.highlight
import pytest
from jinja2 import DictLoader, Environment
from material.plugins.search.plugin import SearchIndex

from tools import build_memo, code_blocks, search_index


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    monkeypatch.setattr(build_memo, "DIR", tmp_path)
    monkeypatch.setattr(build_memo, "MEMOS", {})


def test_a_result_is_computed_once_per_input_and_kept_between_builds(fresh):
    calls = []

    def step(x):
        calls.append(x)
        return x.upper()

    memo = build_memo.memo("step", "v1")
    assert [memo.get((x,), lambda x=x: step(x)) for x in "aba"] == ["A", "B", "A"] and calls == ["a", "b"]
    build_memo.save_all()
    later = build_memo.Memo("step", "v1")  # the next build
    assert later.get(("a",), lambda: step("a")) == "A" and calls == ["a", "b"]
    later.save()  # it used only "a": "b" is dropped
    assert build_memo.Memo("step", "v1").get(("b",), lambda: step("b")) == "B" and calls == ["a", "b", "b"]
    assert build_memo.Memo("step", "v2").get(("a",), lambda: step("a")) == "A" and calls[-1] == "a"  # new version


def render(source: str, **highlight) -> str:
    return markdown.markdown(source, extensions=["pymdownx.highlight", "pymdownx.superfences"],
                             extension_configs={"pymdownx.highlight": highlight})


def test_remembered_colouring_is_pygments_own_and_follows_its_options(fresh, monkeypatch):
    page = "```python\nx = torch.ones(2)  # one\n```\n\n```python\nprint(x)\n```\n"
    plain = render(page), render(page, linenums=True)
    calls = []
    original = pymdownx.highlight.Highlight.highlight

    def counted(self, *args, **kwargs):
        calls.append(args[0])
        return original(self, *args, **kwargs)

    monkeypatch.setattr(pymdownx.highlight.Highlight, "highlight", code_blocks.remembered(counted))
    assert (render(page), render(page, linenums=True)) == plain
    assert len(calls) == 4
    assert (render(page), render(page, linenums=True)) == plain and len(calls) == 4  # all from the memo
    assert render(page.replace("one", "two")) != plain[0] and len(calls) == 5


def test_remembered_search_entries_are_materials_own_and_follow_the_page(fresh):
    def page(content):
        return SimpleNamespace(url="a/", title="A", content=content, toc=[], meta={})

    def entries(add, content):
        index = SearchIndex(); add(index, page(content))
        return index.entries

    html = '<h1 id="a">A</h1><p>Gradient <span class="n">x</span></p><h2 id="b">B</h2><p>more</p>'
    original = SearchIndex.add_entry_from_context
    remembered = search_index.remembered(original)
    assert entries(remembered, html) == entries(original, html) and len(entries(original, html)) == 2
    assert entries(remembered, html) == entries(original, html)  # from the memo
    changed = html.replace("more", "less")
    assert entries(remembered, changed) == entries(original, changed) != entries(original, html)


def test_a_compiled_template_is_reused_until_its_source_changes(tmp_path, monkeypatch):
    monkeypatch.setattr(build_memo, "TEMPLATES", tmp_path)
    sources = {"page.html": "Hello {{ name }}"}

    def render():
        env = build_memo.keep_compiled_templates(Environment(loader=DictLoader(sources)))
        return env.get_template("page.html").render(name="reader")

    assert render() == "Hello reader"
    entries = list(tmp_path.iterdir())
    assert len(entries) == 1
    stamp = entries[0].stat().st_mtime_ns
    assert render() == "Hello reader" and entries[0].stat().st_mtime_ns == stamp  # read, not rewritten
    sources["page.html"] = "Goodbye {{ name }}"
    assert render() == "Goodbye reader"  # the checksum differs: compiled again
