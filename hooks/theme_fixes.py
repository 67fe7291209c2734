"""Small fixes to Material's own markup, found by the independent checkers (tests/browser/test_checkers.py).

- The Nu HTML Checker rejects `autocomplete` on checkboxes; Material puts `autocomplete="off"`
  on its two hidden toggles (drawer, search) in base.html, which has no block to override them
  by. It is removed here. (It only kept Firefox from restoring a toggle's state on reload.)
"""
import re

TOGGLE = re.compile(r'(<input class="md-toggle" [^>]*type="checkbox"[^>]*?) autocomplete="off"')


def on_post_page(output, page, config):
    return TOGGLE.sub(r"\1", output)


def on_post_template(output, template_name, config):
    return TOGGLE.sub(r"\1", output) if template_name == "404.html" else output
