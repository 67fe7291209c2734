import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from tools import doctest_memo, doctest_report
from tools.doctests import ROOT

REPORT = pytest.StashKey[doctest_report.Collector]()
MEMO = pytest.StashKey["doctest_memo.Memo | None"]()


def pytest_addoption(parser):
    group = parser.getgroup("docs", "doc tests")
    group.addoption("--update-outputs", action="store_true",
                    help="write what each snippet prints into its .out file or output block")
    group.addoption("--device", default="cpu", choices=["cpu", "cuda"],
                    help="default torch device for the snippets (cuda: see tools/cuda_output.py)")
    group.addoption("--docs-report", metavar="PATH", default=None,
                    help="where the doc tests write their JSON report (default .cache/doctest-report.json, "
                         "-cuda.json with --device cuda; see tools/doctest_report.py)")
    group.addoption("--rerun-snippets", action="store_true",
                    help="run every doc-test block again instead of reusing what the same code printed "
                         "before (kept in .cache/printed-by/; see tools/doctest_memo.py)")


def pytest_configure(config):
    device = config.getoption("--device")
    config.stash[REPORT] = doctest_report.Collector(device)
    config.stash[MEMO] = doctest_memo.for_session(device, config.getoption("--update-outputs"),
                                                  config.getoption("--rerun-snippets"))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Each doc test's outcome goes into the report: one per block, by page and language."""
    report = yield
    if item.path.name == "test_docs.py" and (report.when == "call" or report.outcome != "passed"):
        params = item.callspec.params if hasattr(item, "callspec") else {}
        test_id = item.callspec.id if "block" in params else item.name
        failed = call.excinfo.value if call.excinfo else None
        message = failed.msg if isinstance(failed, pytest.fail.Exception) else report.longreprtext
        item.config.stash[REPORT].add(test_id, params.get("block"), report.outcome, message)
    return report


def pytest_sessionfinish(session):
    """Write the report when blocks were compared (not with --update-outputs, which only records)."""
    config = session.config
    collector = config.stash[REPORT]
    if config.getoption("--update-outputs") or not collector.ran():
        return
    path = config.getoption("--docs-report")
    collector.write(Path(path) if path else doctest_report.default_path(collector.device), ROOT / "docs")


def pytest_terminal_summary(terminalreporter, config):
    """One line: how many doc-test blocks ran and how many were reused from the memo."""
    memo = config.stash[MEMO]
    if memo is not None and memo.ran + memo.reused:
        terminalreporter.write_line(memo.summary())


@pytest.fixture(scope="session")
def printed_memo(request):
    """What blocks printed before (tools/doctest_memo.py), or None where every block must run."""
    return request.config.stash[MEMO]


@pytest.fixture(scope="session")
def run_cache():
    """One run per distinct code and device, shared by the English and Hindi pages."""
    return {}


# A tiny bilingual MkDocs site built with this project's translation and glossary hooks.
# Tests of what the build adds to pages (staleness notices, tooltips) build it in a
# temporary folder: docs/en/*.md and docs/hi/*.md, Material, static-i18n, the hooks.
CONFIG = f"""\
site_name: Fixture
docs_dir: docs
strict: true
theme:
  name: material
  features: [content.tooltips]
plugins:
  - i18n:
      docs_structure: folder
      fallback_to_default: false
      languages:
        - {{locale: en, default: true, name: English, build: true}}
        - {{locale: hi, name: हिन्दी, build: true}}
hooks:
  - {ROOT / "hooks" / "translation_status.py"}
  - {ROOT / "hooks" / "glossary_tooltips.py"}
markdown_extensions:
  - abbr
  - admonition
  - pymdownx.arithmatex: {{generic: true}}
  - pymdownx.superfences
"""


def _write_site(root: Path, pages: dict[str, str]) -> Path:
    """pages: {"en/page.md": text, ...}; returns the docs folder."""
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    for name, text in pages.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "docs"


def _build(root: Path) -> Path:
    """Build the site with `mkdocs build --strict`; returns the site folder."""
    site = root / "site"
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q",
                           "-f", str(root / "mkdocs.yml"), "-d", str(site)],
                          capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert done.returncode == 0, f"mkdocs build failed:\n{done.stdout}\n{done.stderr}"
    return site


def _html(site: Path, page: str) -> str:
    """The built HTML of "en/page.md" or "hi/page.md"."""
    lang, name = page.split("/", 1)
    stem = name.removesuffix(".md")
    path = site / ("" if lang == "en" else lang) / ("" if stem == "index" else stem) / "index.html"
    return path.read_text(encoding="utf-8")


@pytest.fixture
def mini_site():
    """write(root, {"en/page.md": text, ...}) -> docs folder; build(root) -> site; html(site, "hi/page.md")."""
    return SimpleNamespace(write=_write_site, build=_build, html=_html)
