"""Chapters in both languages side by side (tools/side_by_side.py): the link to that mode on
each chapter page (under the title and in the language menu: overrides/partials/alternate.html,
overrides/main.html), and its pages, written once both languages are built."""
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools.side_by_side import FOLDER, SideBySideError, label, link, write_pages  # noqa: E402
from tools.page import page_lang, page_name  # noqa: E402
from tools.site_config import chapters  # noqa: E402

CHAPTERS: set[str] = set()  # under docs/<lang>/, read once per build


def on_pre_build(config):
    CHAPTERS.clear()
    CHAPTERS.update(chapters(Path(config.config_file_path).resolve().parent))


def _language(page, config):
    """The page's language if it is a chapter page (tools/site_config.chapters()), else None."""
    source = Path(page.file.abs_src_path)
    return page_lang(source) if page_name(source) in CHAPTERS else None


def on_page_context(context, page, config, nav):
    lang = _language(page, config)
    if lang:
        page.both_link = FOLDER
        page.both_label = label(lang)
    return context


def on_page_content(html, page, config, files):
    lang = _language(page, config)
    if not lang:
        return html
    line = f'<p class="both-link" data-search-exclude>{link(lang, FOLDER)}</p>\n'
    end = html.find("</h1>")
    return line + html if end == -1 else html[:end + 5] + "\n" + line + html[end + 5:]


@event_priority(-200)  # after static-i18n (-100) has built every language
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n and getattr(i18n, "building", False):
        return  # a language's own build inside static-i18n's; the last call does the work
    from mkdocs.exceptions import PluginError

    try:
        write_pages(Path(config.site_dir), Path(config.docs_dir).resolve(), config.site_url.rstrip("/") + "/")
    except SideBySideError as err:
        raise PluginError(str(err)) from None
