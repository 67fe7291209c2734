"""What a reader downloads on a first visit to each page, in each language.

Builds the site (or takes a built one: --site DIR), serves it on 127.0.0.1, and opens every
page in a fresh Chromium context (empty cache), waiting until the network is idle (so the
search worker's scripts count). Every response is sized raw and gzipped (level 6, as a
static host serves it). The search index (search/search_index.json) is listed apart and
left out of the total; everything else counts (sitemaps are "other").

    python bench/page_weight.py [--site DIR] [--budget-kb 250]

Exit status 1 if the heaviest page with math is over the budget (gzip, search index
excluded).
"""
from __future__ import annotations

import argparse
import gzip
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

from playwright.sync_api import sync_playwright  # noqa: E402

from tools.site_config import languages  # noqa: E402

from tools.served_site import (SiteServer, build_site, formula_count, launch_chromium,  # noqa: E402
                               side_by_side_pages, source_pages)

KINDS = ("html", "css", "js", "font", "image", "other")
SEARCH_INDEX = "search/search_index.json"
SEARCH_JS = ("/workers/search.", "/lunr/")


EXTENSIONS = {".css": "css", ".js": "js", ".woff2": "font", ".woff": "font", ".ttf": "font",
              ".png": "image", ".svg": "image", ".jpg": "image", ".ico": "image"}


def kind(url: str, resource_type: str) -> str:
    """By the file's extension (the search worker's scripts come as resource type 'other')."""
    path = url.split("?")[0].split("#")[0]
    if path.endswith(SEARCH_INDEX):
        return "index"
    if resource_type == "document":
        return "html"
    return next((k for ext, k in EXTENSIONS.items() if path.endswith(ext)), "other")


def weigh(browser, url: str) -> dict:
    """{kind: [raw, gzip]} plus 'search js' for one cold visit (a fresh context: empty cache)."""
    sizes = defaultdict(lambda: [0, 0])
    with browser.new_context() as context:
        page = context.new_page()
        bodies = []
        page.on("response", lambda r: bodies.append(r))
        page.goto(url, wait_until="networkidle")
        for response in bodies:
            try:
                body = response.body()
            except Exception:  # redirects have no body
                continue
            k = kind(response.url, response.request.resource_type)
            packed = len(gzip.compress(body, 6))
            sizes[k][0] += len(body)
            sizes[k][1] += packed
            if k == "js" and any(s in response.url for s in SEARCH_JS):
                sizes["search js"][0] += len(body)
                sizes["search js"][1] += packed
    return sizes


def kb(n: int) -> str:
    return f"{n / 1024:.1f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--site", type=Path, help="a built site (default: build one)")
    ap.add_argument("--budget-kb", type=float, default=250.0)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or build_site(Path(tmp) / "site")
        rows = []
        with SiteServer(site) as server, sync_playwright() as pw, launch_chromium(pw) as browser:
            for page in source_pages() + side_by_side_pages():  # and each chapter in both languages
                sizes = weigh(browser, server.url(page.path))
                rows.append((page, formula_count(page.source), sizes))

    header = ["page", "formulas"] + [f"{k} gz" for k in KINDS] + [
        "of which search js gz", "total gz", "total raw", "(search index gz)"]
    for lang in languages():
        print(f"\n### {lang}: KB on a first visit (gz = gzip level 6; search index not in total)\n")
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for page, count, s in rows:
            if page.lang != lang:
                continue
            total = [sum(s[k][i] for k in KINDS) for i in (0, 1)]
            print("| " + " | ".join([page.name, str(count)] + [kb(s[k][1]) for k in KINDS] + [
                kb(s["search js"][1]), kb(total[1]), kb(total[0]), kb(s["index"][1])]) + " |")

    math_pages = [(sum(s[k][1] for k in KINDS), page.name) for page, count, s in rows if count]
    if not math_pages:
        print("\nno page with math")
        return 0
    heaviest, name = max(math_pages)
    verdict = "within" if heaviest <= args.budget_kb * 1024 else "OVER"
    print(f"\nheaviest page with math: {name}, {kb(heaviest)} KB gzip: {verdict} the "
          f"{args.budget_kb:.0f} KB budget")
    return 0 if verdict == "within" else 1


if __name__ == "__main__":
    sys.exit(main())
