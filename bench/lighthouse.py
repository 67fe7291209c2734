"""Lighthouse performance and accessibility scores: home page and heaviest page with math,
both languages, against Debian's Chromium.

    (cd bench && npm ci)            # lighthouse 12.2.3, pinned in bench/package-lock.json
    python bench/lighthouse.py [--site DIR] [--pages PATH ...]

Builds the site (or takes --site), serves it on 127.0.0.1, runs Lighthouse (mobile, its
default simulated throttling) on each page, writes the JSON reports to bench/out/ and prints
the scores and every audit that did not pass.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH.parent), str(BENCH)]

from playwright.sync_api import sync_playwright  # noqa: E402

from page_weight import KINDS, weigh  # noqa: E402
from tools.served_site import CHROMIUM, CHROMIUM_ARGS, SiteServer, build_site, formula_count, launch_chromium, source_pages  # noqa: E402

LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
OUT = BENCH / "out"


def heaviest_math_page(server) -> str:
    """The English page with math that downloads the most (gzip), by page_weight's measure."""
    weights = []
    with sync_playwright() as pw:
        browser = launch_chromium(pw)
        for page in source_pages():
            if page.lang == "en" and formula_count(page.source):
                s = weigh(browser.new_context, server.url(page.path))
                weights.append((sum(s[k][1] for k in KINDS), page.path))
        browser.close()
    return max(weights)[1]


def lighthouse(url: str, report: Path) -> dict:
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    subprocess.run(
        [str(LIGHTHOUSE), url, "--only-categories=performance,accessibility", "--output=json",
         f"--output-path={report}", f"--chrome-flags={flags}", "--quiet"],
        env=dict(os.environ, CHROME_PATH=CHROMIUM), check=True)
    return json.loads(report.read_text())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--site", type=Path, help="a built site (default: build one)")
    ap.add_argument("--pages", nargs="*", help="English page paths (default: home and heaviest math page)")
    args = ap.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is missing: run `npm ci` in bench/ first")
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or build_site(Path(tmp) / "site")
        with SiteServer(site) as server:
            pages = args.pages or ["", heaviest_math_page(server)]
            print("| page | performance | accessibility | FCP | LCP | TBT | CLS |\n|---|---|---|---|---|---|---|")
            problems = []
            for path in [p for en in pages for p in (en, "hi/" + en)]:
                name = path.strip("/").replace("/", "-") or "home"
                result = lighthouse(server.url(path), OUT / f"lighthouse-{name}.json")
                cats, audits = result["categories"], result["audits"]
                metrics = [audits[a]["displayValue"] for a in (
                    "first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                    "cumulative-layout-shift")]
                print(f"| /{path} | {round(cats['performance']['score'] * 100)} | "
                      f"{round(cats['accessibility']['score'] * 100)} | " + " | ".join(metrics) + " |")
                for cat in cats.values():
                    for ref in cat["auditRefs"]:
                        audit = audits[ref["id"]]
                        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                            problems.append(f"/{path} [{cat['id']}] {audit['id']}: {audit['title']} "
                                            f"({audit.get('displayValue', '')} score {audit['score']})")
    print("\nAudits that did not pass:" if problems else "\nEvery weighted audit passed.")
    for line in problems:
        print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
