"""Lighthouse performance and accessibility of every page, both languages, notebook pages and
side-by-side pages included, against Debian's Chromium: the median of several runs, next to the home page's.

    (cd bench && npm ci)            # lighthouse 12.2.3, pinned in bench/package-lock.json
    python bench/lighthouse.py [--site DIR] [--runs 3] [--jobs 1] [--pages PATH ...] [--baseline DIR]

Builds the site (or takes --site), serves it gzip-compressed on 127.0.0.1 (as a real host
serves it), runs Lighthouse (mobile, its default simulated throttling) on each page, in
rounds (every page once, then again), so that a change in the machine's load hits every
page alike (--jobs N: N pages at a time, quicker but noisier); writes each page's last JSON report to bench/out/ and prints, per page, the
median scores, total blocking time and largest contentful paint, and the performance
score's distance from the home page's (`/`) in the same run. --baseline DIR (another
built site, e.g. from the main branch) measures every page there too, in the same rounds,
and adds its median score as a column: before and after, compared in one run.

Target (issue 10): every page at performance >= 95 and accessibility 100, or, where the
bare theme holds the home page itself under 95 on this machine, every page within 2 points
of the home page.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from contextlib import ExitStack
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH.parent), str(BENCH)]

from tools.served_site import (CHROMIUM, CHROMIUM_ARGS, SiteServer, build_site, side_by_side_pages,  # noqa: E402
                               source_pages)

LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
OUT = BENCH / "out"
TARGET, HOME_MARGIN = 95, 2


def lighthouse(url: str, report: Path) -> dict:
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    for attempt in (1, 2):  # a busy machine now and then makes Chromium miss Lighthouse's timeouts
        done = subprocess.run(
            [str(LIGHTHOUSE), url, "--only-categories=performance,accessibility", "--output=json",
             f"--output-path={report}", f"--chrome-flags={flags}", "--quiet"],
            env=dict(os.environ, CHROME_PATH=CHROMIUM), capture_output=True, text=True)
        if done.returncode == 0:
            result = json.loads(report.read_text())
            if result["categories"]["performance"]["score"] is not None:
                return result
    raise RuntimeError(f"lighthouse failed twice on {url}:\n{done.stderr[-2000:]}")


def summary(result: dict) -> dict:
    cats, audits = result["categories"], result["audits"]
    failed = [f"[{cat['id']}] {audits[ref['id']]['id']} ({audits[ref['id']].get('displayValue', '')})"
              for cat in cats.values() for ref in cat["auditRefs"]
              if ref["weight"] and audits[ref["id"]]["score"] is not None and audits[ref["id"]]["score"] < 1]
    return {"performance": round(cats["performance"]["score"] * 100),
            "accessibility": round(cats["accessibility"]["score"] * 100),
            "tbt": audits["total-blocking-time"]["numericValue"],
            "lcp": audits["largest-contentful-paint"]["numericValue"],
            "failed": failed}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--site", type=Path, help="a built site (default: build one)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=1, help="pages measured at a time")
    ap.add_argument("--pages", nargs="*", help="page paths, e.g. '' 'hi/autograd/' (default: every page)")
    ap.add_argument("--json", type=Path, help="also write the per-run results here")
    ap.add_argument("--baseline", type=Path, help="a second built site, measured in the same rounds")
    args = ap.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is missing: run `npm ci` in bench/ first")
    OUT.mkdir(exist_ok=True)
    paths = args.pages if args.pages is not None else [p.path for p in source_pages() + side_by_side_pages()]
    if "" not in paths:
        paths = ["", *paths]  # the home page is the reference
    sites = {"": None, "baseline ": args.baseline} if args.baseline else {"": None}
    runs = {label + path: [] for label in sites for path in paths}
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack, ThreadPoolExecutor(args.jobs) as pool:
        servers = {label: stack.enter_context(SiteServer(site or args.site or build_site(Path(tmp) / "site")))
                   for label, site in sites.items()}

        def one(key):
            label, path = key
            name = (label.strip() + "-" if label else "") + (path.strip("/").replace("/", "-") or "home")
            return summary(lighthouse(servers[label].url(path), OUT / f"lighthouse-{name}.json"))

        keys = [(label, path) for path in paths for label in sites]  # a page's two sites one after the other
        for _ in range(args.runs):
            for (label, path), result in zip(keys, pool.map(one, keys)):
                runs[label + path].append(result)
    if args.json:
        args.json.write_text(json.dumps(runs, indent=1))

    def med(path, key):
        return statistics.median(r[key] for r in runs[path])

    home = med("", "performance")
    print(f"Lighthouse 12.2.3, mobile; median of {args.runs} runs per page, in rounds, {args.jobs} at a time; "
          f"load average {os.getloadavg()[0]:.1f} at the end\n")
    before = "| baseline performance " if args.baseline else ""
    print(f"| page {before}| performance | runs | accessibility | TBT ms | LCP s | vs home |\n|---|{'---|' * bool(args.baseline)}---|---|---|---|---|---|")
    misses = []
    for path in paths:
        perf, a11y = med(path, "performance"), med(path, "accessibility")
        base = f" {med('baseline ' + path, 'performance'):g} |" if args.baseline else ""
        print(f"| /{path} |{base} {perf:g} | {' '.join(str(r['performance']) for r in runs[path])} | {a11y:g} | "
              f"{med(path, 'tbt'):.0f} | {med(path, 'lcp') / 1000:.1f} | {perf - home:+g} |")
        if a11y < 100 or (perf < TARGET and perf < home - HOME_MARGIN):
            misses.append(path)
    print(f"\nTarget: performance >= {TARGET} (or within {HOME_MARGIN} of the home page's {home:g}) "
          f"and accessibility 100 on every page: {'met' if not misses else 'NOT met on ' + ', '.join('/' + p for p in misses)}")
    failed = sorted({f"/{path} {line}" for path in paths for r in runs[path][-1:] for line in r["failed"]
                     if path in misses or line.startswith("[accessibility]")})
    if failed:
        print("\nAudits that did not pass (last run) on those pages:")
        for line in failed:
            print("  " + line)
    return 0 if not misses else 1


if __name__ == "__main__":
    sys.exit(main())
