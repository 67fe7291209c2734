"""A notebook page is the same whether mkdocs-jupyter renders it in this build or it comes
from .cache/notebook-pages/ (tools/notebook_pages.py makes mkdocs-jupyter's plugin only for
a notebook missing from that cache). In the browser suite: it needs a second build of the
whole site, with every notebook rendered, beside the suite's own (`site`).
"""
import os
import subprocess
import sys

import pytest

from tools.served_site import ROOT

pytestmark = pytest.mark.browser

# `mkdocs build` with tools.notebook_pages.CACHE pointing at an empty folder
BUILD_WITHOUT_THE_CACHE = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import tools.notebook_pages
tools.notebook_pages.CACHE = Path(sys.argv[2])
from mkdocs.__main__ import cli
cli(["build", "--strict", "-d", sys.argv[3]])
"""


def notebook_files(site):
    return {p.relative_to(site): p.read_bytes() for p in sorted(site.glob("**/notebooks/**/*")) if p.is_file()}


def test_notebook_pages_rendered_now_are_the_cached_ones(site, tmp_path):
    rendered = tmp_path / "site"
    done = subprocess.run([sys.executable, "-c", BUILD_WITHOUT_THE_CACHE, str(ROOT), str(tmp_path / "cache"),
                           str(rendered)], cwd=ROOT, capture_output=True, text=True,
                          env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert done.returncode == 0, done.stdout + done.stderr
    notebooks = list((ROOT / "docs").glob("*/notebooks/*.ipynb"))
    assert len(list((tmp_path / "cache").glob("*.json"))) == len(notebooks), "mkdocs-jupyter rendered each"
    now, cached = notebook_files(rendered), notebook_files(site)
    assert now.keys() == cached.keys(), sorted(now.keys() ^ cached.keys())
    for made in ("index.html", ".ipynb"):  # each notebook's page, and its .ipynb for download
        assert sum(path.name.endswith(made) for path in now) == len(notebooks), sorted(now)
    assert [name for name in now if now[name] != cached[name]] == []
