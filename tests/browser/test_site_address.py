"""The site's addresses come from the repository that deploys it, so any fork deploys with no edit.

The Pages deploy (.github/workflows/docs.yml) sets SITE_URL and REPO_URL from the repository it
runs in; mkdocs.yml reads them (`!ENV`). Two real builds of this site, in the background:
- for a made-up repository, alice/handbook, as the deploy would set them: every absolute address
  in every page, sitemap and downloadable notebook is that site's, that repository's, Colab
  opening that repository's notebook, or one of a few named others (XML namespaces, Material's
  credit link, the licence comment in Font Awesome's icons); none is a placeholder;
- with neither set, as `mkdocs build` on a clone: the site names no host of its own (no
  canonical link, relative hreflang links, no repository or Colab link).
The committed files name no site or repository either (the notebooks are generated with
relative links).
"""
import os
import re
import subprocess
from pathlib import Path

import pytest

from tools.page import ROOT
from tools.served_site import build_site

from conftest import printed_site

pytestmark = pytest.mark.browser  # two whole builds: with the built site's checks, not in the quick loop

SITE, REPO = "https://alice.github.io/handbook/", "https://github.com/alice/handbook"
COLAB = "https://colab.research.google.com/github/alice/handbook/blob/main/docs/"
OTHERS = ("http://www.w3.org/", "http://www.sitemaps.org/schemas/", "https://fontawesome.com",
          "https://squidfunk.github.io/mkdocs-material/",
          "http://127.0.0.1:8000")  # the home page's set-up text says where `mkdocs serve` serves
ADDRESS = re.compile(r"https?://[^\s\"'<>()\[\]\\]+")
BUILT = ("*.html", "*.xml", "*.ipynb")


def build(folder: Path, **env) -> Path:
    return build_site(folder / "site", **{"SITE_URL": None, "REPO_URL": None, **env})


def built_for_alice(folder: Path) -> Path:
    return build(folder, SITE_URL=SITE, REPO_URL=REPO)


def built_locally(folder: Path) -> Path:
    if not (os.environ.get("SITE_URL") or os.environ.get("REPO_URL")):
        return printed_site()  # the suite's own build is one with neither set
    return build(folder)


EARLY = [built_for_alice, built_locally]


def addresses(site: Path) -> dict[str, set[str]]:
    """Every absolute address in the site's pages, sitemaps and notebooks, by file."""
    found = {}
    for pattern in BUILT:
        for path in site.rglob(pattern):
            found[path.relative_to(site).as_posix()] = set(ADDRESS.findall(path.read_text(encoding="utf-8")))
    return found


def foreign(site: Path, own: tuple[str, ...]) -> list[str]:
    return sorted(f"{name}: {url}" for name, urls in addresses(site).items() for url in urls
                  if not url.startswith(own + OTHERS))


def test_a_fork_deploys_with_its_own_addresses(early):
    site = early(built_for_alice)
    assert not foreign(site, (SITE, REPO, COLAB)), "addresses not of alice/handbook:\n" + "\n".join(foreign(site, (SITE, REPO, COLAB)))
    home = (site / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{SITE}">' in home
    assert f'<link rel="alternate" href="{SITE}hi/" hreflang="hi">' in home
    assert f'<a href="{REPO}" title="' in home, "no link to the repository"
    assert f"<loc>{SITE}</loc>" in (site / "sitemap.xml").read_text(encoding="utf-8")
    chapter = (site / "hi" / "pretraining" / "index.html").read_text(encoding="utf-8")
    assert f'href="{COLAB}hi/notebooks/pretraining.ipynb"' in chapter, "the chapter's Colab link"
    notebook_page = (site / "notebooks" / "pretraining" / "index.html").read_text(encoding="utf-8")
    assert f'<a href="{COLAB}en/notebooks/pretraining.ipynb">Open in Colab</a>' in notebook_page
    assert 'href="../../pretraining/">' in notebook_page, "the notebook page's link to its chapter"
    download = (site / "notebooks" / "pretraining" / "pretraining.ipynb").read_text(encoding="utf-8")
    assert f"[Open in Colab]({COLAB}en/notebooks/pretraining.ipynb)" in download
    assert f"]({SITE}pretraining/)" in download, "the downloaded notebook's link to its chapter"


def test_a_local_build_names_no_host_of_its_own(early):
    site = early(built_locally)
    assert not foreign(site, ()), "a build without SITE_URL and REPO_URL links to:\n" + "\n".join(foreign(site, ()))
    chapter = (site / "hi" / "pretraining" / "index.html").read_text(encoding="utf-8")
    assert "canonical" not in chapter
    assert re.findall(r'<link rel="alternate" href="([^"]*)" hreflang', chapter) == ["../../pretraining/", "./"]
    assert "<loc>None" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    download = (site / "notebooks" / "pretraining" / "pretraining.ipynb").read_text(encoding="utf-8")
    assert "](../../pretraining/)" in download


def site_addresses(texts: dict[str, str]) -> list[str]:
    """Addresses of a Pages site, a GitHub repository or Colab in these files' texts (not
    templates such as tools/notebook_pages.py's f"https://colab.research.google.com/github/{repo…")."""
    return sorted(f"{name}: {url}" for name, text in texts.items() for url in ADDRESS.findall(text)
                  if "{" not in url and re.match(r"https?://([\w-]+\.github\.io|github\.com|colab\.research\.google\.com)/", url)
                  and not url.startswith(OTHERS))


def committed() -> dict[str, str]:
    """The text of each committed page, notebook, template and config file."""
    names = subprocess.run(["git", "ls-files", "docs", "mkdocs.yml", "overrides", "hooks", "tools"], cwd=ROOT,
                           capture_output=True, text=True, check=True).stdout.split()
    return {name: (ROOT / name).read_text(encoding="utf-8") for name in names
            if name.endswith((".md", ".ipynb", ".yml", ".html", ".py"))}


def test_no_committed_file_names_the_site_or_the_repository():
    found = site_addresses(committed())
    assert not found, ("committed addresses that a fork's deploy would leave wrong (the deploy sets "
                       "SITE_URL and REPO_URL; notebooks: python -m tools.notebooks):\n" + "\n".join(found))


def test_the_checks_see_a_placeholder(tmp_path):
    """Planted faults: a built page with an example.github.io link, a notebook with one."""
    (tmp_path / "index.html").write_text(f'<a href="{SITE}">x</a><a href="https://example.github.io/llm-basics/">y</a>')
    assert foreign(tmp_path, (SITE,)) == ["index.html: https://example.github.io/llm-basics/"]
    notebook = "docs/en/notebooks/pretraining.ipynb"
    text = committed()[notebook].replace("(../pretraining.md)", "(https://example.github.io/llm-basics/pretraining/)")
    assert site_addresses({notebook: text}) == [f"{notebook}: https://example.github.io/llm-basics/pretraining/"]
