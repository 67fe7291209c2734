"""A notebook page is the same whether mkdocs-jupyter renders it in this build or it comes
from .cache/notebook-pages/ (tools/notebook_pages.py makes mkdocs-jupyter's plugin only for
a notebook missing from that cache). In the browser suite: it needs a second build of the
whole site, with every notebook rendered, beside the suite's own (`site`).
"""
import pytest

from tools.served_site import ROOT, build_site

pytestmark = pytest.mark.browser


def notebook_files(site):
    return {p.relative_to(site): p.read_bytes() for p in sorted(site.glob("**/notebooks/**/*")) if p.is_file()}


def test_notebook_pages_rendered_now_are_the_cached_ones(site, tmp_path):
    rendered = build_site(tmp_path / "site", NOTEBOOK_PAGES_CACHE=str(tmp_path / "cache"))  # an empty cache
    notebooks = list((ROOT / "docs").glob("*/notebooks/*.ipynb"))
    assert len(list((tmp_path / "cache").glob("*.json"))) == len(notebooks), "mkdocs-jupyter rendered each"
    now, cached = notebook_files(rendered), notebook_files(site)
    assert now.keys() == cached.keys(), sorted(now.keys() ^ cached.keys())
    for made in ("index.html", ".ipynb"):  # each notebook's page, and its .ipynb for download
        assert sum(path.name.endswith(made) for path in now) == len(notebooks), sorted(now)
    assert [name for name in now if now[name] != cached[name]] == []
