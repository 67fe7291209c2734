"""Glue: tools/template_cache.py (compiled templates kept between builds)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools.template_cache import keep_compiled_templates  # noqa: E402


def on_env(env, config, files):
    return keep_compiled_templates(env)
