"""Glue: tools/code_blocks.py on every built page (notebook pages included)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools.code_blocks import lean_code_blocks  # noqa: E402


def on_post_page(output, page, config):
    return lean_code_blocks(output)
