"""One search index per language, with the glossary's variant spellings (tools/search_index.py).
The browser tests (tests/browser/test_reader.py) check what a reader's search then lists."""
import pytest

from tools.search_index import split, variant_table, with_base
from helpers import GLOSSARY, MISSPELT_CHAIN

INDEX = {
    "config": {"lang": ["en"], "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}},
    "docs": [
        {"location": "glossary/", "title": "Glossary", "text": "<p>tensor: टेंसर</p>"},
        {"location": "hi/tensors/", "title": "PyTorch में टेंसर", "text": "<p>टेंसर, टेंसरों और टेंसर।</p>"},
        {"location": "hi/tensors/#_1", "title": "रैंक", "text": '<p><abbr title="टेंसर">रैंक</abbr> है।</p>'},
    ],
}


def test_each_language_gets_its_own_index_with_locations_from_its_root():
    parts = split(INDEX, ["hi"], GLOSSARY)
    assert [d["location"] for d in parts[""]["docs"]] == ["glossary/"]
    assert [d["location"] for d in parts["hi"]["docs"]] == ["tensors/", "tensors/#_1"]
    assert parts["hi"]["config"]["fields"]["title_variants"] == {"boost": 1000.0}
    assert parts["hi"]["config"]["fields"]["text_variants"] == {"boost": 1.0}
    assert INDEX["docs"][1]["location"] == "hi/tensors/", "the index read is left as it was"


def test_an_entry_gets_the_variants_of_its_terms_as_often_as_the_terms_occur():
    tensors, rank = split(INDEX, ["hi"], GLOSSARY)["hi"]["docs"]
    assert tensors["text_variants"].split().count("टेन्सर") == 3  # टेंसर, टेंसरों, टेंसर
    assert tensors["title_variants"].split().count("टेन्सर") == 1
    assert "tensor" in tensors["text_variants"].split(), "the Hindi index knows the English term"
    assert "टेन्सर" not in rank.get("text_variants", ""), "a word inside a tag (a tooltip) is not read"


def test_the_english_index_gets_no_english_variants():
    glossary = split(INDEX, ["hi"], GLOSSARY)[""]["docs"][0]
    assert glossary["text_variants"].split() == ["टेंसॉर", "टेन्सर", "टैंसर"], "Hindi variants, no English words"
    assert all(not any(w.isascii() for w in typed) for _, typed in variant_table(GLOSSARY))


def test_the_chain_rule_is_found_under_its_common_misspelling():
    assert any("शृंखला नियम" in forms and MISSPELT_CHAIN in typed for forms, typed in variant_table(GLOSSARY))


def test_a_page_of_another_language_loads_its_languages_index():
    page = '<head><script id="__config" type="application/json">{"base": "../..", "search": "x.js"}</script></head>'
    assert '"base": "../../hi/"' in with_base(page, "hi")
    assert '"base": "../hi/"' in with_base(page.replace('"../.."', '".."'), "hi")
    with pytest.raises(ValueError, match="__config"):
        with_base("<head></head>", "hi")
