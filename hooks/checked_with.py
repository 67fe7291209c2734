"""Every chapter page ends with what its outputs were checked with (tools/checked_with.py).

The reports are read once per build from .cache/ beside mkdocs.yml; run
`pytest docs` before `mkdocs build` for the line to say more than "not checked".
"""
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools.checked_with import load, paragraph  # noqa: E402

REPORTS = {}


def on_pre_build(config):
    try:
        REPORTS.update(load(Path(config.config_file_path).resolve().parent))
    except ValueError as err:
        raise PluginError(str(err)) from None


def on_page_content(html, page, config, files):
    source = Path(page.file.abs_src_path).resolve()
    if source.suffix != ".md":
        return html
    return html + paragraph(source, REPORTS)
