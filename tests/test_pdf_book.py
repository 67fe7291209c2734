"""Which pages make the book, and in which order (tools/pdf.py); the PDFs themselves are
checked in tests/browser/test_pdf.py."""
from tools.pdf import book_sources, slug_of


def test_book_is_the_nav_without_notebooks_and_with_the_glossary_last():
    nav = [{"Home": "index.md"}, {"Glossary": "glossary.md"}, {"A": "a.md"},
           {"Notebooks": [{"A": "notebooks/a.ipynb"}]}, {"Part": [{"B": "part/b.md"}]}]
    assert book_sources(nav) == ["index.md", "a.md", "part/b.md", "glossary.md"]


def test_the_site_nav_gives_home_first():
    """(The glossary is the nav's last item: tests/test_glossary.py; the book puts it last anyway.)"""
    assert book_sources()[0] == "index.md"


def test_each_page_has_its_own_id_in_the_book():
    assert [slug_of(s) for s in ["index.md", "tensors.md", "part/b.md", "part/index.md"]] == [
        "home", "tensors", "part-b", "part"]
