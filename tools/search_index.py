"""One search index per language, which also knows the glossary's variant spellings.

Material's search loads `search/search_index.json` from the page's `base` (its site root).
MkDocs' search plugin, which static-i18n feeds with the pages of every language, writes one
index for the whole site, so a Hindi reader who typed "gradient" got the English chapter
first. hooks/search_index.py uses this module to:

- `split`: cut that index into one per language: the default language's stays at
  `search/search_index.json`, each other language's goes to `<lang>/search/search_index.json`,
  with its locations made relative to `<lang>/`;
- `with_base`: point the `base` of each non-default-language page at its language root, so
  that page's search loads its own language's index (and resolves result links from there);
- `add_variants`: give each entry that uses a glossary term two extra fields,
  `title_variants` and `text_variants`, holding the term's other spellings (glossary/terms.yml
  `variants`, and the word without its nukta) as often as the term occurs in the title and
  the text, and weighted like them, so a reader who types टेन्सर or the common misspelling
  of शृंखला finds the pages that spell them the glossary's way, ranked as for the term
  itself. In the Hindi index the term's English words count as spellings too, so "gradient"
  typed on the Hindi site ranks the Hindi pages as ग्रेडिएंट does. The fields are indexed
  but never shown.
"""
from __future__ import annotations

import copy
import functools
import re
from pathlib import Path

from tools.build_memo import digest, memo
from tools.glossary import match_words, nfc, spelling_variants, terms

FIELDS = {"title_variants": "title", "text_variants": "text"}  # field -> the field it mirrors
MAX_REPEAT = 20  # lunr weighs a word's count in an entry (saturating); beyond this it hardly matters
DEVANAGARI = re.compile("[\u0900-\u097f]")
TAG = re.compile(r"<[^>]*>")
BRACKETS = re.compile(r"\s*\([^)]*\)")
CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
BASE = re.compile(r'"base":\s*"([^"]*)"')


def variant_table(glossary: dict, english: bool = False) -> list[tuple[list[str], list[str]]]:
    """(the ways our pages write a term in Hindi, the other ways a reader may type it), for
    every term that has some: its variant spellings, and with `english` its English words
    (for the Hindi index: a Hindi reader who types "gradient" gets the pages about ग्रेडिएंट)."""
    others: dict[str, list[str]] = {}
    for variant, term in spelling_variants(glossary).items():
        others.setdefault(term, []).append(variant)
    table = []
    for t in terms(glossary):
        typed = sorted(others.get(t["hi"], []))
        if english:
            typed += [w for w in dict.fromkeys(BRACKETS.sub("", w).lower() for w in match_words(t, "en"))
                      if w not in typed]
        forms = {nfc(BRACKETS.sub("", w)).strip() for word in match_words(t, "hi") for w in word.split(", ")}
        forms = sorted(f for f in forms if DEVANAGARI.search(f))  # not "BCE", "LLM"
        if typed and forms:
            table.append((forms, typed))
    return table


def add_variants(docs: list[dict], table: list[tuple[list[str], list[str]]]) -> None:
    """Give each entry the other spellings of the terms in its title and text, each as often
    as the term occurs there, in fields weighted like the title and the text: a search for
    the variant then ranks the entries as a search for the term does."""
    any_form = re.compile("|".join(re.escape(f) for forms, _ in table for f in forms) or "(?!)")
    for doc in docs:
        for field, source in FIELDS.items():
            text = TAG.sub(" ", nfc(doc.get(source, "")))  # the words, as the search reads them
            words = [v for forms, variants in table for v in variants
                     for _ in range(min(MAX_REPEAT, sum(text.count(f) for f in forms)))] if any_form.search(text) else []
            if words:
                doc[field] = " ".join(words)
            else:
                doc.pop(field, None)


def split(index: dict, other_languages: list[str], glossary: dict) -> dict[str, dict]:
    """{"": the default language's index, "hi": the Hindi index, ...}, variants added."""
    config = copy.deepcopy(index["config"])
    config["fields"] = {**config["fields"], **{f: config["fields"][source] for f, source in FIELDS.items()}}
    out = {lang: {"config": config, "docs": []} for lang in ["", *other_languages]}
    for doc in index["docs"]:
        lang = doc["location"].split("/", 1)[0]
        if lang in other_languages:
            doc = {**doc, "location": doc["location"].removeprefix(lang + "/")}
        else:
            lang = ""
        out[lang]["docs"].append(doc)
    for lang, part in out.items():
        add_variants(part["docs"], variant_table(glossary, english=bool(lang)))
    return out


def language_of(url: str, other_languages: list[str]) -> str:
    """The non-default language a page URL belongs to, or ""."""
    first = url.split("/", 1)[0]
    return first if first in other_languages else ""


def with_base(html: str, lang: str) -> str:
    """The page with Material's `base` pointing at its language root `<base>/<lang>/`."""
    def fix(m: re.Match) -> str:
        script, n = BASE.subn(lambda b: f'"base": "{b[1].rstrip("/")}/{lang}/"', m[2], count=1)
        if n != 1:
            raise ValueError("Material's __config has no base")
        return m[1] + script + m[3]

    html, n = CONFIG_SCRIPT.subn(fix, html, count=1)
    if n != 1:
        raise ValueError("no Material __config script in the page")
    return html


def toc_items(toc) -> list:
    return [(item.id, item.url, item.title, toc_items(item.children)) for item in toc]


def remembered(add_entry_from_context):
    """Material's `SearchIndex.add_entry_from_context` (its HTML parser reads the whole page:
    a third of the build), answered from the build memo (tools/build_memo.py) when the page's
    HTML, address, title, headings and search settings are those it read before."""
    from importlib.metadata import version

    memo_version = digest(version("mkdocs-material"), Path(__file__).read_bytes())

    @functools.wraps(add_entry_from_context)
    def add_entry_once(index, page):
        before = len(index.entries)
        key = (page.url, page.title, page.content, toc_items(page.toc),
               *(repr(page.meta.get(k)) for k in ("title", "tags", "search")))
        entries = memo("search", memo_version).get(key, lambda: add_entry_from_context(index, page) or index.entries[before:])
        if len(index.entries) == before:
            index.entries.extend(copy.deepcopy(entries))
    return add_entry_once
