"""The Hindi pages speak the glossary's language, and no page carries machine-translation debris.

On every docs/hi page:
- no avoided translation (glossary/terms.yml `avoid`: पूर्वाग्रह for bias, ...);
- each glossary term spelled one way: no listed variant, no nukta dropped (फाइन for फ़ाइन);
- one form per sense (glossary/terms.yml `one_form`: माध्य for mean, never औसत);
- no English sentence outside code, formulas, link targets, HTML tags and brackets
  (four or more Latin-script words in a row, unless all capitalised, as in a proper name).
On every page, snippet and notebook, in any language: no debris such as "Copy code".
"""
import re
from pathlib import Path

import pytest

from tools.page import MATH, ROOT, fences, prose_lines, rel
from helpers import MISSPELT_CHAIN, avoided_words, line_of, misspelt_terms, second_forms


HINDI_PAGES = sorted((ROOT / "docs" / "hi").glob("**/*.md"))
IDS = [rel(p).removeprefix("docs/") for p in HINDI_PAGES]
DEBRIS = ["Copy code", "cannot assist", "I'm sorry, but", "I’m sorry, but", "As an AI language model",
          "कोड कॉपी करें", "मैं इसमें सहायता नहीं कर सकता"]
SKIP_DIRS = {".git", ".venv", "site", ".cache", "node_modules", ".pytest_cache", "fixtures"}


NOT_PROSE = [  # besides front matter, fences and comments (tools/page.py's prose_lines)
    MATH,                                          # formulas (the page model's)
    re.compile(r"`[^`\n]*`"),                      # inline code
    re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"),  # link and image targets
    re.compile(r"<[^>\n]+>"),                      # HTML tags
    re.compile(r"\{[#.:][^}\n]*\}"),               # attribute lists
    re.compile(r"\([^()\n]*\)"),                   # brackets (the English term on first use)
    re.compile(r"\([^()\n]*\)"),                   # brackets holding brackets
]
LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9'’-]*(?:[ \t,]+[A-Za-z][A-Za-z0-9'’-]*){3,}")


def prose(text: str) -> str:
    """The page with code, formulas, link targets, tags and brackets blanked out."""
    text = "\n".join(prose_lines(text, fences(text)))
    for pattern in NOT_PROSE:
        text = pattern.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), text)
    return text


def english_sentences(text: str) -> list[str]:
    plain = prose(text)
    return [f"line {line_of(plain, m.start())}: {m[0]}" for m in LATIN_RUN.finditer(plain)
            if not all(w[0].isupper() for w in re.findall(r"[A-Za-z][A-Za-z0-9'’-]*", m[0]))]


def debris(text: str) -> list[str]:
    low = text.lower()
    return [f"line {line_of(text, low.index(d.lower()))}: {d!r}" for d in DEBRIS if d.lower() in low]


def project_files() -> list[Path]:
    """Pages, snippets and notebooks, wherever they are."""
    files = [p for p in ROOT.glob("docs/**/*") if p.suffix in {".md", ".ipynb"}]
    files += [p for p in ROOT.glob("snippets/**/*") if p.is_file()]
    for top in ROOT.iterdir():
        if top.is_dir() and top.name not in SKIP_DIRS and top.name not in {"docs", "snippets"}:
            files += [p for p in top.glob("**/*.ipynb") if not SKIP_DIRS & set(p.parts)]
    return sorted(set(files))


# What each check finds on a Hindi page, and how a failure names it.
HINDI_CHECKS = {"uses a translation the glossary avoids": avoided_words,
                "spells a glossary term another way": misspelt_terms,
                "uses a second form for a sense the site writes one way": second_forms,
                "has English text outside code, formulas and brackets": english_sentences}


@pytest.mark.parametrize("what", HINDI_CHECKS)
@pytest.mark.parametrize("page", HINDI_PAGES, ids=IDS)
def test_hindi_page_speaks_the_glossarys_language(page, what):
    findings = HINDI_CHECKS[what](page.read_text(encoding="utf-8"))
    assert not findings, f"{rel(page)} {what}:\n  " + "\n  ".join(findings)


def test_no_machine_translation_debris():
    found = {rel(path): debris(path.read_text(encoding="utf-8", errors="replace")) for path in project_files()}
    assert len(found) > 100, "the pages, snippets and notebooks were not found"
    assert not any(found.values()), "machine-translation debris:\n" + "\n".join(
        f"  {path} {line}" for path, lines in found.items() for line in lines)


# --- each check finds a planted fault -------------------------------------------------------

def test_the_checks_find_planted_faults():
    assert avoided_words("न्यूरॉन का पूर्वाग्रह जोड़ा जाता है।")[0].startswith("line 1: पूर्वाग्रह (prejudice)")
    assert len(avoided_words("इसकी व्युत्पत्ति निकालिए।\nविभेदन करें।")) == 2
    assert len(avoided_words("\nविभेदन करें।")) == 1 and "line 2" in avoided_words("\nविभेदन करें।")[0]
    assert misspelt_terms("हर टेन्सरों का ग्रेडियेंट।") == [
        "line 1: टेन्सर, the glossary writes टेंसर", "line 1: ग्रेडियेंट, the glossary writes ग्रेडिएंट"]
    assert misspelt_terms("फाइन-ट्यूनिंग और कम्प्यूटेशनल ग्राफ") != []
    assert misspelt_terms("फ़ाइन-ट्यूनिंग और कंप्यूटेशनल ग्राफ़, टेंसरों का ग्रेडिएंट।") == []
    assert misspelt_terms(f"यह {MISSPELT_CHAIN} नियम है।") == [f"line 1: {MISSPELT_CHAIN}, the glossary writes शृंखला नियम"]
    assert misspelt_terms("संक्रियाओं की शृंखला और शृंखला नियम।") == []
    assert avoided_words("NumPy सारणियों से") != [] and avoided_words("NumPy ऐरे से") == []
    assert english_sentences("टेंसर (a tensor is a container) है।\n`x = the value of it`\n$a is the b$") == []
    assert english_sentences("टेंसर है।\nThis sentence was not translated.") == [
        "line 2: This sentence was not translated"]
    assert english_sentences("देखिए Attention Is All You Need नाम का पेपर।") == []
    assert english_sentences("यह the quick<!-- c -->brown fox है।") != []  # four words, not three
    assert english_sentences("```\n<!--\n```\nThis sentence was not translated.\n<!-- -->") == [
        "line 4: This sentence was not translated"]  # a comment's start in code hides nothing
    assert second_forms("लॉस का औसत लीजिए।") == ["line 1: औसत, where the site writes माध्य (mean, average)"]
    assert second_forms("हर अक्षर एक टोकन है, पर बड़े अक्षर और छोटे अक्षरों में फ़र्क़ है।") == [
        "line 1: अक्षर, where the site writes कैरेक्टर (character (of text))"]
    assert second_forms("क्वेरी और की (key) का गुणनफल।\nकुंजी (key) का माध्य।") == [
        "line 1: की (key), where the site writes कुंजी (key (of attention))"]
    assert debris("x = 1\npythonCopy code\n") == ["line 2: 'Copy code'"]
    assert debris("I'm sorry, but I cannot assist with that.") != []
