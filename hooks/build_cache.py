"""Glue: what a build makes is kept for the next (tools/build_memo.py):
compiled templates, Pygments' colouring of code blocks, Material's reading of each page for
search, the side-by-side pages."""
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools import build_memo, code_blocks, search_index  # noqa: E402


def on_config(config):
    import pymdownx.highlight
    from material.plugins.search.plugin import SearchIndex

    build_memo.use(Path(config.config_file_path).parent)
    if not hasattr(SearchIndex.add_entry_from_context, "__wrapped__"):
        Highlight = pymdownx.highlight.Highlight
        Highlight.highlight = code_blocks.remembered(Highlight.highlight)
        SearchIndex.add_entry_from_context = search_index.remembered(SearchIndex.add_entry_from_context)


def on_env(env, config, files):
    return build_memo.keep_compiled_templates(env)


@event_priority(-300)  # after every other step (side by side: -200)
def on_post_build(config):
    build_memo.save_all()
