"""Notebook pages (docs/<lang>/notebooks/*.ipynb, rendered by mkdocs-jupyter): MkDocs glue over
tools/notebook_pages.py, which says what each event does."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tools.notebook_pages import on_page_content, on_page_markdown, on_post_page, on_pre_page  # noqa: E402,F401
