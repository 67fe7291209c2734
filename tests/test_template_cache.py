"""tools/template_cache.py: a template is compiled once, and again when its source changes."""
from jinja2 import DictLoader, Environment

from tools import template_cache


def test_a_compiled_template_is_reused_until_its_source_changes(tmp_path, monkeypatch):
    monkeypatch.setattr(template_cache, "CACHE", tmp_path)
    sources = {"page.html": "Hello {{ name }}"}

    def render():
        env = template_cache.keep_compiled_templates(Environment(loader=DictLoader(sources)))
        return env.get_template("page.html").render(name="reader")

    assert render() == "Hello reader"
    entries = list(tmp_path.iterdir())
    assert len(entries) == 1
    stamp = entries[0].stat().st_mtime_ns
    assert render() == "Hello reader" and entries[0].stat().st_mtime_ns == stamp  # read, not rewritten
    sources["page.html"] = "Goodbye {{ name }}"
    assert render() == "Goodbye reader"  # the checksum differs: compiled again
