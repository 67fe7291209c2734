"""Search per language, with the glossary's variant spellings (tools/search_index.py).

Each page of a non-default language (hi/...) gets Material's `base` pointed at its language
root, so its search loads hi/search/search_index.json; after the last build (static-i18n
builds each language, then writes one index of all of them at priority -100) the site's one
index is cut into one per language, each entry given the variant spellings of the glossary
terms it uses.
"""
import json
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools.glossary import load  # noqa: E402
from tools.search_index import language_of, split, with_base  # noqa: E402


def other_languages(config) -> list[str]:
    i18n = config.plugins.get("i18n")
    return [lang.locale for lang in i18n.config.languages if not lang.default] if i18n else []


def on_post_page(output, page, config):
    lang = language_of(page.url, other_languages(config))
    return with_base(output, lang) if lang else output


@event_priority(-200)  # after static-i18n (-100) has written the index of every language
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n and getattr(i18n, "building", False):
        return  # a language's own build inside static-i18n's; the last call does the work
    site = Path(config.site_dir)
    source = site / "search" / "search_index.json"
    if not source.exists():
        return
    index = json.loads(source.read_text(encoding="utf-8"))
    for lang, part in split(index, other_languages(config), load()).items():
        target = site / lang / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(part, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
