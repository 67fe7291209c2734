"""The glossary: glossary/terms.yml is the one source of every term, in every language.

    python -m tools.glossary           # write docs/<lang>/glossary.md for every language
    python -m tools.glossary --check   # exit 1 if those pages differ from what the data gives

Every term has its name in every language; a language's definition may be missing (a new
language's), and then the default language's is shown, marked with that language's name.
The same data gives the tooltips (`abbreviations`, used by hooks/glossary_tooltips.py) and
the terminology tests (`spelling_variants`, `avoided`).
"""
from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from pathlib import Path

import yaml

from tools.page import ROOT
from tools.site_config import default_language, language_name, languages
from tools.strings import strings
from tools.translations import DOCS, ID_LENGTH, KEY, blob_id

DATA = ROOT / "glossary" / "terms.yml"
PAGE = "glossary.md"
NUKTA = "\u093c"
OPTIONAL_NUKTA = re.compile("(?<=[\u0915\u0916\u0917\u091c\u092b])" + NUKTA)  # क़ ख़ ग़ ज़ फ़, not ड़ ढ़
GENERATED = "<!-- Generated from glossary/terms.yml by `python -m tools.glossary`: edit the data, not this page. -->"


class GlossaryError(Exception):
    pass


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def load(path: Path = DATA) -> dict:
    # libyaml's parser where PyYAML has it: the pure-Python one takes a tenth of a second here
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    validate(data)
    return data


def terms(data: dict) -> list[dict]:
    return [t for section in data["sections"] for t in section["terms"]]


def match_words(term: dict, lang: str) -> list[str]:
    """The words that get this term's tooltip on the pages of `lang`."""
    words = term.get(f"{lang}_match") or [term[lang]]
    if lang == default_language():
        words = words + [w[0].upper() + w[1:] for w in words if w[0].islower()]
    return words


def definition(term: dict, lang: str) -> str:
    """The term's definition in `lang`, or the default language's, marked as such."""
    own = term.get(f"{lang}_def")
    if own:
        return own
    source = default_language()
    return f"{term[f'{source}_def']} ({column_name(lang, source)})"


def column_name(page_lang: str, lang: str) -> str:
    """What the pages of `page_lang` call `lang` (its glossary column)."""
    return strings(page_lang)["glossary"]["languages"].get(lang) or language_name(lang)


def plain(definition: str) -> str:
    """A definition as tooltip text: no Markdown code marks."""
    return definition.replace("`", "")


def validate(data: dict) -> None:
    langs = languages()
    required = ["id", *langs, f"{langs[0]}_def"]  # other languages' definitions may be missing
    problems, ids, keys = [], set(), {lang: {} for lang in langs}
    for t in terms(data):
        missing = [f for f in required if not t.get(f)]
        if missing:
            problems.append(f"{t.get('id', t)}: missing {', '.join(missing)}")
            continue
        if t["id"] in ids:
            problems.append(f"{t['id']}: id used twice")
        ids.add(t["id"])
        for lang in langs:
            text = t.get(f"{lang}_def", "")
            if "|" in text or "$" in text or "\n" in text.strip():
                problems.append(f"{t['id']}: {lang}_def must be one line without | or $")
            for word in match_words(t, lang):
                if word in keys[lang]:
                    problems.append(f"{t['id']}: tooltip word {word!r} is also a word of {keys[lang][word]}")
                keys[lang][word] = t["id"]
    for rule in one_form(data):
        if not rule.get("use") or not rule.get("not") or not rule.get("sense"):
            problems.append(f"one_form {rule}: needs sense, use and not")
    for a in data.get("avoid", []):
        if a.get("use") not in ids:
            problems.append(f"avoid {a}: `use` must be a term id")
    if problems:
        raise GlossaryError("glossary/terms.yml:\n  " + "\n  ".join(problems))


def abbreviations(data: dict, lang: str) -> str:
    """Python-Markdown `abbr` definitions giving every term of `lang` its tooltip."""
    return "\n".join(f"*[{word}]: {plain(definition(t, lang))}"
                     for t in terms(data) for word in match_words(t, lang)) + "\n"


def spelling_variants(data: dict) -> dict[str, str]:
    """Wrong spelling -> the glossary's Hindi term: listed variants, and nukta dropped."""
    variants = {}
    for t in terms(data):
        for v in t.get("variants", []):
            variants[nfc(v)] = t["hi"]
        for word in re.findall(r"[\u0900-\u097f]+", nfc(t["hi"] + " " + t.get("hi_also", ""))):
            bare = OPTIONAL_NUKTA.sub("", word)
            if bare != word:
                variants[bare] = t["hi"]
    return variants


def avoided(data: dict) -> list[dict]:
    return data.get("avoid", [])


def one_form(data: dict) -> list[dict]:
    """The senses written one way: {sense, use, not: [other forms], except: [phrases]}."""
    return data.get("one_form", [])


def display(term: dict, lang: str) -> str:
    also = term.get(f"{lang}_also")
    return f"{term[lang]} ({also})" if also else term[lang]


def render(data: dict, lang: str, source_page: str | None = None) -> str:
    """The glossary page of `lang`: its terms, then the default language's (on the default
    language's page: every other language's); a translation records the page it comes from."""
    text, source = strings(lang)["glossary"], default_language()
    others = [l for l in languages() if l != lang] if lang == source else [source]
    out = []
    if source_page is not None:
        out += ["---", f"{KEY}: {blob_id(source_page.encode('utf-8'))[:ID_LENGTH]}", "---", ""]
    out += [GENERATED, "", f"# {text['title']}", "", text["intro"], ""]
    for section in data["sections"]:
        out += [f"## {section.get(lang) or section[source]}", ""]
        for t in section["terms"]:  # a definition list: a table cost a phone a quarter second of layout
            names = " · ".join(f'<span lang="{l}">{display(t, l)}</span>' for l in others)
            out += [f'<span id="{t["id"]}"></span>**{display(t, lang)}** · {names}', f":   {definition(t, lang)}", ""]
    return "\n".join(out)


def pages(data: dict, docs: Path = DOCS) -> dict[Path, str]:
    source, *translations = languages()
    original = render(data, source)
    return {docs / source / PAGE: original, **{docs / lang / PAGE: render(data, lang, original) for lang in translations}}


def out_of_date(data) -> dict[Path, str]:
    """The glossary pages whose file is not what the data gives: each path with the text it should have."""
    return {path: text for path, text in pages(data).items()
            if not path.is_file() or path.read_text(encoding="utf-8") != text}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.glossary", description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if the glossary pages are out of date")
    args = parser.parse_args(argv)
    stale = out_of_date(load())
    if args.check:
        if stale:
            print("out of date (run: python -m tools.glossary): " + ", ".join(str(p.relative_to(ROOT)) for p in stale))
        return 1 if stale else 0
    for path, text in stale.items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
