"""A translated page older than its English twin says so, at its top, in its own language
(strings/<lang>.yml's `translation_status`).

Each translated page (docs/hi/...) records the version of docs/en it translates (`translated_from` in its
front matter; see tools/translations.py). When the English page has changed since, or the
page was never marked, the built page gets a warning linking to the English page.
"""
import sys
from pathlib import Path

from mkdocs.utils import get_relative_url

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools.strings import strings  # noqa: E402
from tools.translations import SOURCE_LANG, status  # noqa: E402

def on_page_content(html, page, config, files):
    docs = Path(config.docs_dir).resolve()
    source = Path(page.file.abs_src_path).resolve()
    lang = source.relative_to(docs).parts[0]
    if lang == SOURCE_LANG or source.suffix != ".md":
        return html
    s = status(source, docs)
    if not s.stale:
        return html
    english_url = page.url.removeprefix(f"{lang}/")
    notice = strings(lang)["translation_status"]["notice"].format(
        url=get_relative_url(english_url or ".", page.url), source=SOURCE_LANG)
    end_of_title = html.find("</h1>")
    if end_of_title == -1:
        return notice + html
    end_of_title += len("</h1>")
    return html[:end_of_title] + "\n" + notice + html[end_of_title:]
