"""Adding a language is exactly CONTRIBUTING's "Add a language", and then everything passes.

In a copy of the repository (in the background: it builds the site), a translator adds Bengali
(`bn`) as those steps say, copying what exists: docs/en as docs/mr, the Hindi entry of
mkdocs.yml, the Hindi strings file, a glossary column with each term's name but no
definitions; then the refresh writes the new language's glossary page and notebooks (the
figures' `.bn.svg` are the English drawings copied: drawing them is the refresh's slow part).
The strict build, the new pages' doc tests (the snippets' memo shared with this repository),
parity and the glossary checks pass, and a missing definition shows the English one, marked.
"""
import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tools.page import ROOT
from tools.glossary import load, plain, terms
from tools.site_config import languages
from tools.strings import strings

pytestmark = pytest.mark.browser  # a whole build and a test run: with the built site's checks, not in the quick loop
NEW = "bn"  # a language Material translates its own interface into
SOURCE, MODEL = languages()[:2]  # the default language, and the translation the new one copies
SKIP = shutil.ignore_patterns(".git", ".cache", "site", ".venv", "__pycache__", ".pytest_cache", "node_modules")
ENV = {**{k: v for k, v in os.environ.items() if k not in ("SITE_URL", "REPO_URL")}, "NO_MKDOCS_2_WARNING": "1"}


def add_language(repo: Path, lang: str) -> None:
    """CONTRIBUTING's steps, done by copying the source language's pages and the model's rest."""
    docs = repo / "docs"
    shutil.copytree(docs / SOURCE, docs / lang)
    for page in (docs / lang).glob("*.md"):  # the new language's own figures (drawn by the refresh)
        page.write_text(page.read_text(encoding="utf-8").replace(f".{SOURCE}.svg", f".{lang}.svg"), encoding="utf-8")
    for figure in (docs / "assets" / "figures").glob(f"*.{SOURCE}.svg"):
        shutil.copy(figure, figure.with_name(figure.name.replace(f".{SOURCE}.svg", f".{lang}.svg")))
    config = repo / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    entry = re.search(rf"^( *)- locale: {MODEL}\n(?:\1  .*\n)+", text, re.M)[0]
    config.write_text(text.replace(entry, entry + entry.replace(f"locale: {MODEL}", f"locale: {lang}", 1)),
                      encoding="utf-8")
    shutil.copy(repo / "strings" / f"{MODEL}.yml", repo / "strings" / f"{lang}.yml")
    terms = repo / "glossary" / "terms.yml"  # each term and section named in lang; no definitions
    terms.write_text(re.sub(rf"^( +){SOURCE}: (.*)$", rf"\g<0>\n\1{lang}: \2", terms.read_text(encoding="utf-8"),
                            flags=re.M), encoding="utf-8")


def run(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=repo, env=ENV, capture_output=True, text=True)


def with_a_new_language(folder: Path) -> dict:
    repo = folder / "repo"
    shutil.copytree(ROOT, repo, ignore=SKIP)
    (repo / ".cache").mkdir()
    for kept in ("npm", "notebook-pages", "build-memo"):  # Temml, fetched once already; what builds keep, by content
        if (ROOT / ".cache" / kept).is_dir():
            shutil.copytree(ROOT / ".cache" / kept, repo / ".cache" / kept)
    (ROOT / ".cache" / "snippet-runs").mkdir(parents=True, exist_ok=True)
    (repo / ".cache" / "snippet-runs").symlink_to(ROOT / ".cache" / "snippet-runs")  # keyed by content
    add_language(repo, NEW)
    steps = {"glossary": run(repo, "-m", "tools.glossary"), "notebooks": run(repo, "-m", "tools.notebooks"),
             "mark": run(repo, "-m", "tools.translations", "mark", *(f"docs/{NEW}/{p.name}" for p in (repo / "docs" / NEW).glob("*.md"))),
             "build": run(repo, "-m", "mkdocs", "build", "--strict", "-d", str(folder / "site")),
             "checks": run(repo, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"docs/{NEW}", "tests/test_parity.py",
                           "tests/test_glossary.py", "tests/test_translation_status.py")}
    return {"steps": steps, "site": folder / "site"}


EARLY = [with_a_new_language]


def test_a_new_language_builds_and_passes_its_checks(early):
    steps = early(with_a_new_language)["steps"]
    for name, done in steps.items():
        assert done.returncode == 0, f"{name}: {' '.join(done.args[1:])} failed:\n{done.stdout[-4000:]}\n{done.stderr[-4000:]}"
    assert re.search(rf"\b(\d+) passed\b", steps["checks"].stdout), steps["checks"].stdout[-2000:]


def test_its_pages_are_in_the_site_in_its_language(early):
    site = early(with_a_new_language)["site"]
    page = (site / NEW / "tensors" / "index.html").read_text(encoding="utf-8")
    assert f'<html lang="{NEW}"' in page
    assert (site / NEW / "tensors" / "both" / "index.html").is_file(), "its side-by-side page"
    assert (site / NEW / "search" / "search_index.json").is_file(), "its own search index"


def test_a_missing_definition_shows_the_english_one_marked(early):
    site = early(with_a_new_language)["site"]
    tensor = next(t for t in terms(load()) if t["id"] == "tensor")
    marked = f"{plain(tensor[f'{SOURCE}_def'])} ({strings(MODEL)['glossary']['languages'][SOURCE]})"
    glossary = (site / NEW / "glossary" / "index.html").read_text(encoding="utf-8")
    assert html.escape(marked, quote=False) in re.sub(r"</?code>", "", glossary), "the glossary page: the English definition, marked"
    tensors = (site / NEW / "tensors" / "index.html").read_text(encoding="utf-8")
    assert f'<abbr title="{html.escape(marked, quote=False)}">' in tensors, "and the tooltip"
