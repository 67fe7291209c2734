"""Write the sitemap where Material's language selector asks for it.

For every `<link rel="alternate" hreflang>` in a page's head, Material's JavaScript fetches
`<that link>sitemap.xml`. Those links point at the page itself and its translation (absolute,
from site_url: hooks/languages.py), so every page asks for `sitemap.xml` inside its own
folder and its translation's folder, which would be 404s. MkDocs writes one sitemap, at the site
root, listing every page of every language with its hreflang alternates; this hook copies it
into each page folder (and each language root) that lacks one, so every such request succeeds.

A build without site_url (a local one) lists the pages by their addresses from the site root:
static-i18n's sitemap template puts site_url in front of each, which would read "None" there.
(Material's script then finds no page in it and the language menu keeps its own links.)
"""
import shutil
from pathlib import Path


def on_config(config):
    if config.site_url is None:
        config.site_url = ""
    return config


def on_post_build(config):
    site = Path(config.site_dir)
    sitemap = site / "sitemap.xml"
    if not sitemap.exists():  # a non-default language's build (site/hi): the default build follows
        return
    for index in site.rglob("index.html"):
        target = index.parent / "sitemap.xml"
        if not target.exists():
            shutil.copyfile(sitemap, target)
