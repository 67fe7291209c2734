"""One glossary: glossary/terms.yml gives the Glossary page in both languages and the tooltips.

- docs/en/glossary.md and docs/hi/glossary.md are exactly what `python -m tools.glossary`
  writes from the data (edit the data, then run it);
- every term on a built page carries its definition, in the page's language, as a tooltip
  (<abbr title=...>, which the browser shows), but not in code, formulas or headings.
"""
import copy
import re

import mini_site
from tools.page import ROOT
from tools.site_config import languages, mkdocs_config
from tools.glossary import DATA, abbreviations, out_of_date, terms
from helpers import GLOSSARY


def test_the_glossary_has_the_handbooks_terms():
    ids = {t["id"] for t in terms(GLOSSARY)}
    needed = {"llm", "pretraining", "fine-tuning", "parameter", "weight", "bias", "loss", "gradient",
              "derivative", "differentiation", "automatic-differentiation", "chain-rule",
              "computational-graph", "tensor", "scalar", "vector", "matrix", "dimension", "rank",
              "shape", "transpose", "matrix-multiplication", "dtype", "embedding", "context-length",
              "token", "tokenizer", "vocabulary", "layer", "hidden-layer", "attention-head", "dropout",
              "overfitting", "forward-pass", "backward-pass", "backpropagation", "activation-function",
              "sigmoid", "relu", "optimizer", "gradient-descent", "learning-rate", "gpu-acceleration",
              "cross-entropy", "next-token-prediction", "corpus", "logits", "softmax", "layernorm",
              "weight-tying", "meta-device", "finite-differences", "central-difference",
              "gradient-accumulation"}
    assert not needed - ids, f"terms missing from {DATA.name}: {sorted(needed - ids)}"
    # (the translations it avoids: tests/test_terminology.py, test_the_checks_find_planted_faults)


def stale_pages(data) -> list[str]:
    return [str(path.relative_to(ROOT)) for path in out_of_date(data)]


def test_glossary_pages_are_generated_from_the_data():
    stale = stale_pages(GLOSSARY)
    assert not stale, f"out of date: {stale}; run: python -m tools.refresh"


def test_a_change_in_the_data_makes_the_pages_stale():
    source, translation = languages()[:2]
    changed = copy.deepcopy(GLOSSARY)
    changed["sections"][0]["terms"][0][f"{translation}_def"] += " (changed)"
    assert stale_pages(changed) == [f"docs/{translation}/glossary.md"]
    changed["sections"][0]["terms"][0][f"{source}_def"] += " (changed)"
    assert set(stale_pages(changed)) == {f"docs/{lang}/glossary.md" for lang in languages()}, \
        "every translation records the source page (and may show its definitions)"


def test_glossary_is_the_last_nav_item():
    assert mkdocs_config()["nav"][-1] == {"Glossary": "glossary.md"}


def defined(lang: str, word: str) -> str:
    """The tooltip text of `word` on the pages of `lang`."""
    return re.search(rf"^\*\[{re.escape(word)}\]: (.*)$", abbreviations(GLOSSARY, lang), re.M)[1]


EARLY = [mini_site.built]


def test_tooltips_on_built_pages_in_both_languages(early):
    site = early(mini_site.built)  # mini_site.TOOLTIPS are its pages of this test
    en, hi = mini_site.html(site, "en/tooltips.md"), mini_site.html(site, "hi/tooltips.md")
    assert f'<abbr title="{defined("en", "tensor")}">tensor</abbr> has a' in en
    assert f'<abbr title="{defined("hi", "टेंसर")}">टेंसर</abbr> का' in hi
    assert f'<abbr title="{defined("hi", "ट्रांसपोज़")}">ट्रांसपोज़</abbr>' in hi, "a word ending in nukta"
    assert "</abbr>ों" not in hi, "a tooltip never splits a Devanagari word"
    code = re.findall(r"<code>.*?</code>", en + hi, re.S) + re.findall(r'class="arithmatex">.*?</span>', en)
    assert code and not any("<abbr" in c for c in code), "no tooltips in code or formulas"
    assert not re.search(r"<h1[^>]*>[^\n]*<abbr", en + hi), "no tooltips in headings"
    assert "<abbr" not in mini_site.html(site, "en/glossary.md") + mini_site.html(site, "hi/glossary.md")
    assert f'<abbr title="{defined("en", "large language model")}">large language\nmodel</abbr>' in en, \
        "a term of two words broken over two lines"
    assert en.count("<abbr") == 4 and "Another tensor, another gradient." in en, "a tooltip on first use only"


def test_a_word_marked_no_tooltip_gets_none_and_the_marker_goes(early):
    site = early(mini_site.built)  # mini_site.TOOLTIPS: "The size and shape<!--no-tooltip--> of a network."
    en = mini_site.html(site, "en/tooltips.md")
    assert "The size and shape of a network." in en, "the marked word is plain text, the marker stripped"
    assert "no-tooltip" not in en
    assert f'A tensor\'s <abbr title="{defined("en", "shape")}">shape</abbr> is' in en, \
        "the term's first real use, after the marked word, still gets its tooltip"
