"""Every text the machinery writes into a page, per language: strings/<lang>.yml.

One file per language, one section per module that writes text (`strings(lang)["pdf"]`);
adding a language adds its file (a copy of another, translated). See CONTRIBUTING.
"""
from functools import lru_cache

import yaml

from tools.page import ROOT
from tools.site_config import default_language

FOLDER = ROOT / "strings"


@lru_cache
def strings(lang: str) -> dict:
    """strings/<lang>.yml as a dict of sections."""
    path = FOLDER / f"{lang}.yml"
    if not path.is_file():
        raise FileNotFoundError(f"{path.relative_to(ROOT)}: no interface strings for language {lang!r} "
                                f"(copy strings/{default_language()}.yml and translate it)")
    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
