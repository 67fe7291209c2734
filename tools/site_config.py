"""mkdocs.yml as plain data: the one place the languages and the chapters are written.

`languages()` are the i18n plugin's locales (the default, the source of every translation,
first), `pages()` the nav's Markdown pages and `chapters()` those with Python blocks; the
machinery derives every list of languages or chapters from these, never names one itself.
"""
from functools import lru_cache
from pathlib import Path

import yaml
from yaml_env_tag import construct_env_tag

from tools.page import ROOT


class _IgnoreTags(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's parser where PyYAML has it
    """mkdocs.yml may hold tags like !!python/name:...; only plain values are needed, and
    `!ENV VAR` is the variable's value, as mkdocs reads it (None when unset)."""


_IgnoreTags.add_multi_constructor("", lambda loader, tag, node: None)
_IgnoreTags.add_constructor("!ENV", construct_env_tag)


def mkdocs_config(root: Path = ROOT) -> dict:
    return yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTags)


@lru_cache
def _languages(root: Path) -> tuple[dict, ...]:
    plugins = mkdocs_config(root)["plugins"]
    entries = next(p["i18n"]["languages"] for p in plugins if isinstance(p, dict) and "i18n" in p)
    return tuple(sorted(entries, key=lambda entry: not entry.get("default")))


def languages(root: Path = ROOT) -> list[str]:
    """Every language's locale code, the default language first, e.g. ['en', 'hi']."""
    return [entry["locale"] for entry in _languages(root)]


def default_language(root: Path = ROOT) -> str:
    """The default language: the site's root, and the source every translation follows."""
    return languages(root)[0]


def twin_language(lang: str) -> str:
    """The language a page is paired with (side by side, "the other language"): a translation
    with the default language, the default language with the first translation."""
    source, first_translation = languages()[:2]
    return first_translation if lang == source else source


def language_entry(lang: str, root: Path = ROOT) -> dict:
    """A language's entry in the i18n plugin's list ({} for a language it does not list)."""
    return next((entry for entry in _languages(root) if entry["locale"] == lang), {})


def language_name(lang: str, root: Path = ROOT) -> str:
    """A language's name as its own readers write it (the language menu's), e.g. 'हिन्दी'."""
    return language_entry(lang, root)["name"]


def nav_entries(nav: list | None = None, root: Path = ROOT) -> tuple[list[str], list[str]]:
    """The nav's titles and its files (pages, notebooks, links), each in nav order."""
    titles, files = [], []
    for item in mkdocs_config(root)["nav"] if nav is None else nav:
        for title, value in item.items() if isinstance(item, dict) else [(None, item)]:
            titles += [title] if title is not None else []
            if isinstance(value, list):  # a section
                inner_titles, inner_files = nav_entries(value)
                titles, files = titles + inner_titles, files + inner_files
            else:
                files.append(value)
    return titles, files


def pages(nav: list | None = None, root: Path = ROOT) -> list[str]:
    """The nav's Markdown pages (paths under docs/<lang>/), in nav order; notebooks left out."""
    return [f for f in nav_entries(nav, root)[1] if f.endswith(".md")]


def chapter_pages(root: Path = ROOT) -> list[Path]:
    """Every language's chapter pages: docs/<lang>/<chapter> for each chapter()."""
    return [root / "docs" / lang / name for lang in languages(root) for name in chapters(root)]


def chapters(root: Path = ROOT) -> list[str]:
    """The nav's chapters: its pages with Python blocks (in the default language), in nav order."""
    from tools.page import read

    docs = root / "docs" / default_language(root)
    return [p for p in pages(root=root) if read(docs / p).has_code]  # (a block the engine refuses counts)
