"""Links between the languages, and one 404 page per language.

- The language switcher (Material's menu of `config.extra.alternate`) links to the page's
  translation by a relative address on every page. static-i18n leaves the home pages on its
  root-absolute defaults (`/handbook/hi/`), which break when the site is opened from disk or
  served under another path.
- `<link rel="alternate" hreflang>` in each page's head is absolute, built from site_url, as
  search engines require (Lighthouse's SEO audit flags relative ones). A build without
  site_url (a local one: only the Pages deploy sets it) keeps them relative, naming no host.
  Material's script reads these links too: it fetches `<link>sitemap.xml` for each
  (hooks/sitemaps.py puts one there), on the host that serves the page either way.
- 404 pages: each language's build writes its 404.html at the site root, so the last one
  (Hindi) was left there. Here the English one stays at the root and the Hindi one goes to
  hi/404.html, each with a switcher to the other. (Error pages use root-absolute links:
  the host serves them at any depth.)
"""
import re
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.plugins import event_priority

HEAD_ALTERNATE = re.compile(r'<link rel="alternate" href="(?P<href>[^"]*)" hreflang="(?P<lang>[^"]*)">')
_not_found = {}  # language -> its 404 page, while the languages are built one after the other


def default_language(config) -> str:
    return next(lang.locale for lang in config.plugins["i18n"].config.languages if lang.default)


def switcher(config) -> list:
    """The language menu's entries as the templates see them: `config.extra.alternate` is an
    attribute that static-i18n sets per page, apart from the `extra["alternate"]` item."""
    extra = config.extra
    return getattr(extra, "alternate", None) or extra.get("alternate") or []


def not_found_path(lang: str, config) -> str:
    return "404.html" if lang == default_language(config) else f"{lang}/404.html"


def absolute_alternates(html: str, page_url: str, config) -> str:
    """Make each head <link rel="alternate" hreflang> absolute, from site_url (if there is one)."""
    if not config.site_url:
        return html
    here = urljoin(config.site_url, page_url)
    return HEAD_ALTERNATE.sub(lambda m: f'<link rel="alternate" href="{urljoin(here, m["href"])}" '
                                        f'hreflang="{m["lang"]}">', html)


@event_priority(0)  # after static-i18n's (50), which sets the alternates for this page
def on_page_context(context, page, config, nav):
    """The switcher's link for each language: that language's version of this page, which
    Material's `url` filter then makes relative to the page."""
    alternates = getattr(page.file, "alternates", {})
    for alt in switcher(config):
        if alt["lang"] in alternates:
            alt["link"] = alternates[alt["lang"]].url
    return context


def on_post_page(output, page, config):
    return absolute_alternates(output, page.url, config)


def on_template_context(context, template_name, config):
    """The 404 page's switcher leads to the other language's 404 page."""
    if template_name == "404.html":
        for alt in switcher(config):
            alt["link"] = not_found_path(alt["lang"], config)
    return context


def on_post_template(output, template_name, config):
    if template_name == "404.html":
        return absolute_alternates(output, "404.html", config)
    return output


def on_post_build(config):
    """Keep each language's 404 page, and put each where it belongs (the last build, Hindi,
    had written its own over the English one at the root)."""
    site = Path(config.site_dir)
    page = site / "404.html"
    if page.exists():
        _not_found[config.theme["language"]] = page.read_text(encoding="utf-8")
    for lang, text in _not_found.items():
        dest = site / not_found_path(lang, config)
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(text, encoding="utf-8")
