"""Formulas as MathML (Temml) at build time, in a self-hosted math font: MkDocs glue over tools/mathml.py."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tools import mathml  # noqa: E402


def on_config(config):
    mathml.start_build()
    return config


def on_post_page(output, page, config):
    return mathml.page_with_math(output, page)


def on_post_build(config):
    mathml.finish_build(config.site_dir)


def on_shutdown():
    mathml.TEMML_PROCESS.stop()
