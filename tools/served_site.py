"""Build the site, serve it on 127.0.0.1 and open it in Debian's Chromium.

Shared by the browser tests (tests/browser/) and the bench scripts (bench/). The site is served under the path of `site_url` (as `mkdocs serve` and
the real host do), so absolute links that static-i18n writes (`/handbook/hi/`) resolve; at the
root for a build without one.
"""
from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from tools.site_config import default_language, languages, mkdocs_config, twin_language

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
# Debian's Chromium, or the one CHROMIUM_PATH names (any Chromium or Google Chrome).
CHROMIUM = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
CHROMIUM_HELP = (
    "The browser checks need Chromium and a font with Devanagari glyphs. "
    "On Debian or Ubuntu: `sudo apt-get install chromium fonts-noto-core`. "
    "Elsewhere: install Chromium or Google Chrome (and a Noto Devanagari font) and point "
    "CHROMIUM_PATH at its executable, e.g. "
    "CHROMIUM_PATH=\"/Applications/Google Chrome.app/Contents/MacOS/Google Chrome\" pytest"
)
# Keep the browser off the network; Playwright adds --headless and a fresh temporary
# --user-data-dir itself (it refuses one in args).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
VIEWPORT = {"width": 1280, "height": 800}


def site_prefix() -> str:
    """The path part of site_url (SITE_URL, which the Pages deploy sets), e.g. '/handbook/';
    '/' without one."""
    return urlsplit(mkdocs_config(ROOT)["site_url"] or "/").path.rstrip("/") + "/"


def build_site(dest: Path, config: Path = ROOT / "mkdocs.yml", **env: str | None) -> Path:
    """`mkdocs build --strict` of `config` (by default the repository's) into dest, run at the
    repository's root (whose tools/ the hooks import), with `env` added to the environment (None
    removes a variable); raises with mkdocs' output if it fails. (Not -q: --strict counts only
    the warnings mkdocs shows.)"""
    environ = {k: v for k, v in {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}.items() if v is not None}
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(config), "-d", str(dest)],
        cwd=ROOT, env=environ, capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(f"mkdocs build --strict failed:\n{run.stdout}\n{run.stderr}")
    return dest


@dataclass(frozen=True)
class SitePage:
    """One page of one language: its source under docs/ and its path in the site."""
    lang: str
    source: Path
    path: str      # relative to the site root, e.g. 'hi/tensors/' ('' for the home page)

    @property
    def name(self) -> str:
        return f"{self.lang}/{self.path.removeprefix(self.lang + '/') or 'home'}".rstrip("/")

    @property
    def counterpart_path(self) -> str:
        """The same page in its twin's language: the default language's, or for a page of the
        default language the first translation's (as the side-by-side pages pair them)."""
        source, twin = default_language(), twin_language(self.lang)
        bare = self.path if self.lang == source else self.path.removeprefix(self.lang + "/")
        return bare if twin == source else f"{twin}/{bare}"


def page_path(lang: str, rel: Path) -> str:
    """docs/<lang>/a/b.md -> 'a/b/', a/index.md -> 'a/', with '<lang>/' in front for a translation."""
    parts = list(rel.with_suffix("").parts)
    if parts[-1] == "index":
        parts.pop()
    path = "".join(p + "/" for p in parts)
    return path if lang == default_language() else f"{lang}/{path}"


def source_pages(docs: Path = DOCS) -> list[SitePage]:
    """Every page (Markdown or notebook) of every language under docs/<lang>/."""
    found = []
    for lang in languages():
        for src in sorted((docs / lang).rglob("*")):
            if src.suffix in (".md", ".ipynb") and ".ipynb_checkpoints" not in src.parts:
                found.append(SitePage(lang, src, page_path(lang, src.relative_to(docs / lang))))
    return found


def side_by_side_pages(docs: Path = DOCS) -> list[SitePage]:
    """Each chapter's side-by-side page in each language (tools/side_by_side.py), e.g.
    'autograd/both/' and 'hi/autograd/both/': written by the build from both chapter pages;
    `source` is the chapter in the page's own language."""
    from tools.side_by_side import chapters

    return [SitePage(lang, docs / lang / c.rel, c.mode_path(lang)) for c in chapters(docs) for lang in languages()]


def built_pages(site: Path) -> set[str]:
    """Paths of every page in a built site (each index.html outside assets/ and search/)."""
    return {
        (p.parent.relative_to(site).as_posix() + "/").removeprefix("./")
        for p in site.rglob("index.html")
        if p.relative_to(site).parts[0] not in ("assets", "search")
    }


def formula_count(source: Path) -> int:
    """Formulas ($...$ and $$...$$ outside code) in a page's source: a Markdown page, or the
    Markdown cells of a notebook."""
    from tools.page import formulas_in, read

    if source.suffix == ".md":
        return len(read(source).formulas)
    cells = json.loads(source.read_text(encoding="utf-8"))["cells"]
    return sum(len(list(formulas_in("".join(c["source"])))) for c in cells if c["cell_type"] == "markdown")


GZIP_TYPES = {".html", ".css", ".js", ".json", ".xml", ".svg", ".ipynb"}


class _Handler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"
    extra_headers: dict = {}

    def end_headers(self):
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def under_prefix(self) -> bool:
        clean = urlsplit(self.path).path
        return clean.startswith(self.prefix) or clean + "/" == self.prefix

    def translate_path(self, path):
        return super().translate_path("/" + urlsplit(path).path[len(self.prefix):])

    def do_HEAD(self):
        return super().do_HEAD() if self.under_prefix() else self.send_error(404)

    def do_GET(self):
        """Text files gzip-compressed when the browser accepts it, as a real web host sends them."""
        if not self.under_prefix():
            return self.send_error(404)
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                return super().do_GET()  # the redirect to the folder's URL
            path = path / "index.html"
        if (path.suffix not in GZIP_TYPES or not path.is_file()
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().do_GET()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):  # quiet
        pass


class _Server(http.server.ThreadingHTTPServer):
    """Its threads are marked `background`: what they print is not the output of a block the
    tests run beside them (tools/doctests.py: in_background)."""

    def process_request_thread(self, request, client_address):
        threading.current_thread().background = True
        super().process_request_thread(request, client_address)

    def handle_error(self, request, client_address):
        """A browser that leaves a page drops what it was still loading: not the site's error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class SiteServer:
    """Serve a built site from 127.0.0.1 on a free port, under site_url's path (or prefix),
    adding `headers` to every response."""

    def __init__(self, site: Path, prefix: str | None = None, headers: dict | None = None):
        self.prefix = prefix or site_prefix()
        self.site_url = mkdocs_config(ROOT)["site_url"]  # None unless SITE_URL is set, as the Pages deploy does
        handler = functools.partial(
            type("Handler", (_Handler,), {"prefix": self.prefix, "extra_headers": headers or {}}),
            directory=str(site))
        self.httpd = _Server(("127.0.0.1", 0), handler)
        self.host = f"127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.background = True

    def url(self, path: str = "") -> str:
        return f"http://{self.host}{self.prefix}{path}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def off_site(url: str, server: SiteServer) -> bool:
    """A request to a host other than the local server's (data:, blob: and about: name none;
    site_url's addresses are the site's own)."""
    parts = urlsplit(url)
    return (parts.scheme not in ("data", "blob", "about") and parts.netloc != server.host
            and not (server.site_url and url.startswith(server.site_url)))


def guarded_context(browser, server: SiteServer, **options):
    """A browser context (`options`: browser.new_context's) that aborts every request off_site
    (whoever uses it records them) and answers requests to site_url's addresses (a build for a
    deploy: its absolute hreflang links) from the local server, as the real host would."""
    context = browser.new_context(**{"viewport": VIEWPORT, **options})

    def local_copy(route):
        route.fulfill(response=route.fetch(url=server.url(route.request.url[len(server.site_url):])))

    if server.site_url:
        context.route(lambda url: url.startswith(server.site_url), local_copy)
    context.route(lambda url: off_site(url, server), lambda route: route.abort("blockedbyclient"))
    return context


def chromium_problem() -> str | None:
    """None if Chromium starts; else what went wrong and how to install one."""
    from playwright.sync_api import Error, sync_playwright

    try:
        with sync_playwright() as pw:
            launch_chromium(pw).close()
    except Error as err:
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        return f"No usable Chromium at {CHROMIUM} ({first}).\n{CHROMIUM_HELP}"
    return None


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
