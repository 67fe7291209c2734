"""A tiny bilingual MkDocs site built with this project's hooks, for tests of what the build
adds to pages: staleness notices, glossary tooltips, the "checked with" line.

`write(root, pages)` writes docs/en/*.md, docs/hi/*.md and a mkdocs.yml (Material,
static-i18n, the hooks), `build(root)` runs `mkdocs build --strict` on it, `html(site, page)`
reads a built page. A build takes most of a second whatever its pages, so one site, `built`,
serves several test modules, with each module's pages under names of their own (below); it is
built in the background from the start of the session (tests/conftest.py: EARLY).
"""
from pathlib import Path

from tools.page import ROOT
from tools.served_site import build_site
from tools.translations import mark

HOOKS = ["translation_status.py", "glossary_tooltips.py", "checked_with.py", "build_cache.py"]
CONFIG = f"""\
site_name: Fixture
docs_dir: docs
strict: true
theme:
  name: material
plugins:
  - i18n:
      docs_structure: folder
      fallback_to_default: false
      languages:
        - {{locale: en, default: true, name: English, build: true}}
        - {{locale: hi, name: हिन्दी, build: true}}
hooks:
{"".join(f"  - {ROOT / 'hooks' / hook}{chr(10)}" for hook in HOOKS)}\
markdown_extensions:
  - abbr
  - admonition
  - pymdownx.arithmatex: {{generic: true}}
  - pymdownx.superfences
"""

HOME = {"en/index.md": "# Fixture\n", "hi/index.md": "# फ़िक्स्चर\n"}
# tests/test_glossary.py: terms get tooltips on first use, not in code, formulas, headings
# or on the glossary pages.
TOOLTIPS = {
    "en/tooltips.md": "# Tensors\n\nA tensor has a gradient.\n\nAnother tensor, another gradient.\n\n"
                      "The size and shape<!--no-tooltip--> of a network.\n\nA tensor's shape is (2, 3).\n\n"
                      "A large language\nmodel.\n\n"
                      "```python\ntensor = 1\n```\n\nInline `tensor` and $tensor$.\n",
    "hi/tooltips.md": "# टेंसर\n\nहर टेंसर का ग्रेडिएंट होता है, और ट्रांसपोज़ भी; टेंसरों की सूची।\n\n"
                      "```python\ntensor = 1\n```\n",
    "en/glossary.md": "# Glossary\n\nA tensor.\n",
    "hi/glossary.md": "# शब्दावली\n\nटेंसर।\n",
}
# tests/test_translation_status.py: two pairs of twins, both marked; then changed.md's English
# page gets a new paragraph (CHANGE), so only hi/changed.md is stale.
ENGLISH = "# Tensors\n\nA tensor holds numbers.\n"
HINDI = "# टेंसर\n\nटेंसर संख्याएँ रखता है।\n"
TWINS = {"en/fresh.md": ENGLISH, "hi/fresh.md": HINDI, "en/changed.md": ENGLISH, "hi/changed.md": HINDI}
CHANGE = "\nA new paragraph.\n"
# tests/test_checked_with.py: a chapter page in each language, and no doc-test report.
SUMS = {"en/sums.md": "# Sums\n\nText.\n\n```python\nprint(1 + 1)\n```\n\n```text\n2\n```\n",
        "hi/sums.md": "# योग\n\nपाठ।\n\n```python\nprint(1 + 1)\n```\n\n```text\n2\n```\n"}


def write(root: Path, pages: dict[str, str]) -> Path:
    """pages: {"en/page.md": text, ...}, plus a home page per language (static-i18n warns,
    and so fails the strict build, without one); returns the docs folder."""
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    for name, text in {**HOME, **pages}.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "docs"


def build(root: Path) -> Path:
    """Build the site with `mkdocs build --strict`; returns the site folder."""
    return build_site(root / "site", config=root / "mkdocs.yml")


def html(site: Path, page: str) -> str:
    """The built HTML of "en/page.md" or "hi/page.md"."""
    lang, name = page.split("/", 1)
    stem = name.removesuffix(".md")
    path = site / ("" if lang == "en" else lang) / ("" if stem == "index" else stem) / "index.html"
    return path.read_text(encoding="utf-8")


def built(folder: Path) -> Path:
    """The shared site (TOOLTIPS, TWINS with CHANGE made, SUMS), built; returns the site folder."""
    docs = write(folder, {**TOOLTIPS, **TWINS, **SUMS})
    for page in ("hi/fresh.md", "hi/changed.md"):
        mark(docs / page, docs)
    (docs / "en" / "changed.md").write_text(ENGLISH + CHANGE, encoding="utf-8")
    return build(folder)
