"""Write the sitemap where Material's language selector asks for it.

For every `<link rel="alternate" hreflang>` in a page's head, Material's JavaScript fetches
`<that link>sitemap.xml`. static-i18n points those links at the page's own translations
(`../hi/tensors/`, `/llm-basics/hi/`), so every page asked for `sitemap.xml` inside its own
folder and its translation's folder, and got a 404. MkDocs writes one sitemap, at the site
root, listing every page of every language with its hreflang alternates; this hook copies it
into each page folder (and each language root) that lacks one, so every such request succeeds.
"""
import shutil
from pathlib import Path


def on_post_build(config):
    site = Path(config.site_dir)
    sitemap = site / "sitemap.xml"
    if not sitemap.exists():  # a non-default language's build (site/hi): the default build follows
        return
    for index in site.rglob("index.html"):
        target = index.parent / "sitemap.xml"
        if not target.exists():
            shutil.copyfile(sitemap, target)
