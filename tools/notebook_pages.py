"""Notebook pages: docs/<lang>/notebooks/<chapter>.ipynb, made by tools/notebooks.py.

- MkDocs treats .ipynb files as pages, so mkdocs-jupyter renders them under
  mkdocs-static-i18n instead of copying raw JSON (mkdocs-static-i18n issue 198).
- A chapter page that has a notebook links to it, and to Colab, under its title; the
  notebook page links to Colab under its title. Colab opens the notebook from the repository
  the site is built for (repo_url, set by the Pages deploy): a build without one has no
  Colab links.
- A notebook page gets a download button for its .ipynb, written next to the page
  (download_copy, below).
- Its headings get the ids Python-Markdown would give them (Hindi ones included: nbconvert
  gives every Devanagari heading the same empty id), and the table of contents is rebuilt
  from them (mkdocs-jupyter's loses inline code and links to ids the page does not have).
- Light pages that look like the chapters: of nbconvert's output only the cells stay (its
  ~600 KB of inline JupyterLab and Pygments CSS, its copy-button script, and its MathJax and
  mermaid loaders from a CDN go). Code cells and their printed output get the markup of
  Material's code blocks (`div.language-python.highlight` / `div.language-text.highlight`,
  `pre > code`), so the chapter pages' colours, contrast fixes, copy button and "Output"
  label apply as they are; docs/assets/stylesheets/notebook.css (linked on notebook pages
  only) hides the prompts and cell tags. An image attached to a cell is shown from the
  same file the chapter page shows, when the site has one with the same bytes (the .ipynb
  keeps the attachment, for Colab and Jupyter).
- The notebooks name no host: their links to pages are relative to the .ipynb
  (`../pretraining.md`, tools/notebooks.py). On the notebook page they lead to the pages;
  in the .ipynb offered for download they are the pages' site_url addresses (relative
  without one), with the Colab link in its first cell, so a downloaded notebook leads back to
  the site. A link to a page that does not exist fails the build, naming the notebook.
- The notebook's $...$ math is marked up as pymdownx.arithmatex marks it, so hooks/math.py
  renders it at build time like the math of every other page.
- A solution cell (an exercise's solution, tagged `solution` by tools/notebooks.py) is shown
  in a closed <details class="success">, like the solution on the chapter page.
- Notebook pages are left out of the search index: they hold the same text as their
  chapters, and lunr would rank them above the chapter.
- mkdocs-jupyter renders a notebook only when it changed: its rendering of each notebook is
  kept in .cache/notebook-pages/, keyed by the .ipynb's bytes, the options below
  (JUPYTER_OPTIONS) and the versions of mkdocs-jupyter and nbconvert. The environment
  variable NOTEBOOK_PAGES_CACHE names another folder: an empty one makes a build render every
  notebook afresh (a browser test compares that rendering with the cached one). Its plugin is not in
  mkdocs.yml's `plugins:` (loading it imports nbconvert, most of a second of every build):
  `jupyter_plugin()` makes it, with those options, for the first notebook not in the cache,
  and it renders that notebook as it would from mkdocs.yml. Its `include_source` step, the
  .ipynb copied next to the page for download, is done here for every notebook page. Its
  per-notebook INFO lines are logged at DEBUG level (`mkdocs build -v` shows them).
"""
import base64
import functools
import hashlib
import json
import logging
import os
import posixpath
import re
from importlib.metadata import version
from pathlib import Path

import material
import mkdocs.utils
from markdown.extensions.toc import slugify, unique
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

from tools.notebooks import PAGE_LINK as MARKDOWN_PAGE_LINK  # the links tools/notebooks.py writes
from tools.site_config import default_language
from tools.strings import strings

if ".ipynb" not in mkdocs.utils.markdown_extensions:
    mkdocs.utils.markdown_extensions = (*mkdocs.utils.markdown_extensions, ".ipynb")

DOWNLOAD_ICON = (Path(material.__file__).parent / "templates/.icons/material/download.svg").read_text()
STYLESHEET = "assets/stylesheets/notebook.css"
BRANCH = "main"  # Colab opens the notebooks of the branch the Pages deploy publishes (.github/workflows/docs.yml)
CACHE = Path(os.environ.get("NOTEBOOK_PAGES_CACHE") or Path(__file__).resolve().parent.parent / ".cache" / "notebook-pages")
# mkdocs-jupyter's options: render only the .ipynb files, as they are (the tests run them).
JUPYTER_OPTIONS = {
    "include": ["*.ipynb"],
    "ignore": ["*.md"],         # else it opens every page with jupytext, looking for a kernel
    "execute": False,           # the tests run the notebooks; the build only renders them
    "include_requirejs": False,
    "cache": False,             # (its cache thrashes between the two languages' builds: ours is CACHE)
}
# nbconvert's output is its <head> matter (styles, scripts), then the cells in this wrapper,
# then a stray <style> block: only the wrapper stays.
WRAPPER = re.compile(r'<div class="jupyter-wrapper">.*<!-- jupyter-wrapper -->', re.S)
COPY_BUTTON = re.compile(r'<div class="zeroclipboard-container">.*?</clipboard-copy>\s*</div>\s*'
                         r'|<div class="clipboard-copy-txt"[^>]*>.*?</div>\s*', re.S)
CODE = re.compile(r'<div class="highlight-ipynb hl-(?P<lang>[\w+-]+)"><pre>(?:<span></span>)?(?P<code>.*?)</pre></div>', re.S)
OUTPUT = re.compile(r'<div class="jp-RenderedText jp-OutputArea-output"[^>]*>\s*<pre>(?P<text>.*?)</pre>\s*</div>', re.S)
CELL_ID = re.compile(r' id="cell-id=[^"]*"')
DATA_IMAGE = re.compile(r'src="data:image/[\w+.-]+;base64,(?P<data>[A-Za-z0-9+/=\s]+)"')
MARKDOWN_CELL = re.compile(r'(<div class="jp-RenderedHTMLCommon jp-RenderedMarkdown[^"]*"[^>]*>)(.*?)(</div>)', re.S)
# $$...$$ is display math: a <div>, so it replaces the paragraph nbconvert wrapped it in
# (a <div> inside a <p> is invalid HTML).
DISPLAY_MATH = re.compile(r"<p>\s*\$\$(.+?)\$\$\s*</p>|\$\$(.+?)\$\$", re.S)
MATH_IN_PARAGRAPH = re.compile(r'<p>(?:(?!</p>).)*?<div class="arithmatex">', re.S)
PAGE_LINK = re.compile(r'<a href="(?P<path>(?![a-z]+:|/|#)[^"#]+\.md)(?P<anchor>#[^"]*)?"')
HEADING = re.compile(r'<h(?P<level>[1-6]) id="[^"]*">(?P<inner>.*?)<a class="anchor-link" href="#[^"]*">¶</a></h(?P=level)>', re.S)
SOLUTION_CELL = re.compile(r'<div class="jp-Cell jp-CodeCell[^"]*\bcelltag_solution\b[^"]*">')
DIV_TAG = re.compile(r"<div\b|</div>")
INLINE_MATH = re.compile(r"(?<![\\$])\$(?!\s)([^$\n]+?)(?<!\s)\$")


class _PerNotebookLinesAsDebug(logging.Filter):
    """mkdocs-jupyter logs an INFO line per notebook it renders: DEBUG instead."""

    def filter(self, record):
        if record.levelno != logging.INFO:
            return True
        record.levelno, record.levelname = logging.DEBUG, "DEBUG"
        return logging.getLogger("mkdocs").isEnabledFor(logging.DEBUG)


for _name in ("mkdocs.plugins.mkdocs_jupyter", "mkdocs.mkdocs-jupyter"):
    logging.getLogger(_name).addFilter(_PerNotebookLinesAsDebug())


def is_notebook(page) -> bool:
    return page.file.src_uri.endswith(".ipynb")


def page_words(page, config) -> dict:
    """The texts this module writes into a page: strings/<lang>.yml's `notebook_pages`."""
    lang = getattr(page.file, "locale", None) or config.theme.get("language") or default_language()
    return strings(lang)["notebook_pages"]


def colab_url(notebook_src_uri: str, config) -> str | None:
    """Colab's address for the notebook in the site's repository (None: not on GitHub, or unset)."""
    repo = re.fullmatch(r"https://github\.com/([^/]+/[^/]+?)(?:\.git)?/?", config.repo_url or "")
    if not repo:
        return None
    docs = Path(config.docs_dir).relative_to(Path(config.config_file_path).resolve().parent).as_posix()
    return (f"https://colab.research.google.com/github/{repo[1]}/blob/"
            f"{BRANCH}/{docs}/{notebook_src_uri}")


@functools.cache
def jupyter_plugin():
    """mkdocs-jupyter's plugin, with JUPYTER_OPTIONS: made when a notebook needs rendering."""
    from mkdocs_jupyter.plugin import Plugin

    plugin = Plugin()
    errors, warnings = plugin.load_config(JUPYTER_OPTIONS)
    if errors or warnings:
        raise PluginError(f"tools/notebook_pages.py: mkdocs-jupyter rejects JUPYTER_OPTIONS: {errors + warnings}")
    plugin.on_pre_build(None)
    return plugin


def cache_path(page, config) -> Path:
    """.cache/notebook-pages/<lang>-<name>-<hash of the .ipynb, mkdocs-jupyter's options, versions>.json"""
    key = hashlib.sha256(Path(page.file.abs_src_path).read_bytes())
    key.update(repr(sorted(JUPYTER_OPTIONS.items())).encode())
    key.update(f"mkdocs-jupyter {version('mkdocs-jupyter')} nbconvert {version('nbconvert')}".encode())
    name = page.file.abs_src_path.removeprefix(config.docs_dir).strip("/\\").removesuffix(".ipynb")
    return CACHE / f"{re.sub(r'[^A-Za-z0-9_.-]+', '-', name)}-{key.hexdigest()[:16]}.json"


def on_pre_page(page, config, files):
    """A notebook page renders from the cache, or else by mkdocs-jupyter (then cached)."""
    if not is_notebook(page):
        return page
    cached = cache_path(page, config)

    def render(config, files):
        if cached.exists():
            stored = json.loads(cached.read_text(encoding="utf-8"))
            page.content, page.title = stored["content"], stored["title"]
            page.toc = get_toc([])  # on_page_content makes it from the headings
            return
        jupyter_plugin().on_pre_page(page, config, files)  # gives the page mkdocs-jupyter's render()
        page.render(config, files)
        CACHE.mkdir(parents=True, exist_ok=True)
        for stale in CACHE.glob(cached.name.rsplit("-", 1)[0] + "-*.json"):
            stale.unlink()  # this notebook's older renderings
        tmp = cached.with_suffix(".tmp")
        tmp.write_text(json.dumps({"content": page.content, "title": page.title}), encoding="utf-8")
        tmp.replace(cached)

    page.render = render
    return page


def on_page_markdown(markdown, page, config, files):
    """Under a chapter's title: links to its notebook page and to Colab."""
    src = page.file.src_uri
    lang_dir, _, name = src.partition("/")
    notebook = f"{lang_dir}/notebooks/{name.removesuffix('.md')}.ipynb"
    if is_notebook(page) or not files.get_file_from_path(notebook):
        return markdown
    words = page_words(page, config)
    line = words["run"].format(notebook=posixpath.relpath(notebook, posixpath.dirname(src)))
    colab = colab_url(notebook, config)
    if colab:
        line += words["in_colab"].format(colab=colab)
    return re.sub(r"^(# .*)$", lambda m: f"{m[1]}\n\n{line}\n", markdown, count=1, flags=re.M)


def headings_and_toc(html: str, page) -> str:
    """Give each heading Python-Markdown's id and make the page's table of contents from them."""
    used, tokens, stack = set(), [], []

    def one(m: re.Match) -> str:
        level, text = int(m["level"]), re.sub(r"<[^>]+>", "", m["inner"]).strip()
        anchor = unique(slugify(text, "-"), used)
        token = {"level": level, "id": anchor, "name": text, "children": []}
        while stack and stack[-1]["level"] >= level:
            stack.pop()
        (stack[-1]["children"] if stack else tokens).append(token)
        stack.append(token)
        return (f'<h{level} id="{anchor}">{m["inner"]}'
                f'<a class="headerlink" href="#{anchor}" title="Permanent link">¶</a></h{level}>')

    html = HEADING.sub(one, html)
    page.toc = get_toc(tokens)
    return html


def material_markup(html: str) -> str:
    """Only nbconvert's cells, with code and printed output marked up as Material's code blocks."""
    wrapper = WRAPPER.search(html)
    if not wrapper:
        raise PluginError("tools/notebook_pages.py: no jupyter-wrapper in mkdocs-jupyter's output")
    html = COPY_BUTTON.sub("", wrapper[0])
    html = CODE.sub(lambda m: f'<div class="language-{m["lang"]} highlight"><pre><span></span>'
                              f'<code>{m["code"]}</code></pre></div>', html)
    html = OUTPUT.sub(lambda m: f'<div class="language-text highlight"><pre><span></span>'
                                f'<code>{m["text"]}</code></pre></div>', html)
    for left in ("highlight-ipynb", "jp-RenderedText"):
        if left in html:  # mkdocs-jupyter changed its markup: unstyled code would go unnoticed
            raise PluginError(f"tools/notebook_pages.py: {left} left in a notebook page; update CODE/OUTPUT")
    html = html.replace(' tabindex="0"', "")  # cells are not controls: no tab stop on each
    # Material names each code block after its closest ancestor with an id (the copy button
    # copies "#__code_<id> > code"): with nbconvert's cell ids ("cell-id=cell-1") a cell's
    # code and output would share a name that is not even a valid selector.
    return CELL_ID.sub("", html)


def closed_solutions(html: str, words: dict) -> str:
    """A solution cell (tagged by tools/notebooks.py) shows closed, as on the chapter page."""
    out, pos = [], 0
    for m in SOLUTION_CELL.finditer(html):
        if m.start() < pos:  # nbconvert nests a cell's div in a copy of itself: already wrapped
            continue
        depth, end = 0, None
        for tag in DIV_TAG.finditer(html, m.start()):
            depth += 1 if tag[0] == "<div" else -1
            if depth == 0:
                end = tag.end()
                break
        if end is None:
            raise PluginError("tools/notebook_pages.py: a solution cell's <div> is never closed")
        out += [html[pos:m.start()], f'<details class="success"><summary>{words["solution"]}</summary>',
                html[m.start():end], "</details>"]
        pos = end
    return "".join(out) + html[pos:]


def images_from_files(html: str, page, files) -> str:
    """An attached image that the site has as a file (same bytes) is shown from that file."""
    by_bytes = {}
    for file in files.media_files():
        if file.abs_src_path and file.src_uri.rsplit(".", 1)[-1].lower() in ("svg", "png", "jpg", "jpeg", "gif", "webp"):
            by_bytes.setdefault(Path(file.abs_src_path).read_bytes(), file)

    def one(m: re.Match) -> str:
        file = by_bytes.get(base64.b64decode(m["data"]))
        return f'src="{get_relative_url(file.url, page.url)}"' if file else m[0]

    return DATA_IMAGE.sub(one, html)


def on_page_content(html, page, config, files):
    """A notebook page: nbconvert's cells in Material's markup, headings and contents fixed,
    left out of search, its Colab link, and a button to download its .ipynb (download_copy,
    written next to the page)."""
    if not is_notebook(page):
        return html
    page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    html = images_from_files(material_markup(html), page, files)
    words = page_words(page, config)
    html = closed_solutions(page_links(headings_and_toc(html, page), page, files), words)
    colab = colab_url(page.file.src_uri, config)
    if colab:
        html = html.replace("</h1>", f'</h1>\n<p><a href="{colab}">{words["colab"]}</a></p>', 1)
    name = posixpath.basename(page.file.src_uri)
    download = Path(page.file.abs_dest_path).parent / name  # next to its page, for the download button
    download.parent.mkdir(parents=True, exist_ok=True)
    download.write_text(download_copy(page, config, files), encoding="utf-8")
    button = (f'<a href="{name}" download title="{words["download"]}" aria-label="{words["download"]}" '
              f'class="md-content__button md-icon">{DOWNLOAD_ICON}</a>')
    return button + html


def arithmatex(cell: re.Match) -> str:
    body = DISPLAY_MATH.sub(lambda m: f'<div class="arithmatex">\\[{m[1] or m[2]}\\]</div>', cell[2])
    if MATH_IN_PARAGRAPH.search(body):
        raise PluginError("tools/notebook_pages.py: display math ($$...$$) inside a paragraph of a "
                          f"notebook's Markdown cell; give it a paragraph of its own:\n{body[:300]}")
    body = INLINE_MATH.sub(lambda m: f'<span class="arithmatex">\\({m[1]}\\)</span>', body)
    return cell[1] + body + cell[3]


def linked_page(path: str, page, files):
    """The page a notebook's relative link (`../pretraining.md`) leads to."""
    target = files.get_file_from_path(posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), path)))
    if target is None:
        raise PluginError(f"{page.file.src_uri}: a link to {path}, which is no page (python -m tools.notebooks)")
    return target


def page_links(html: str, page, files) -> str:
    """The notebook's links to pages lead to those pages, relatively."""
    return PAGE_LINK.sub(lambda m: f'<a href="{get_relative_url(linked_page(m["path"], page, files).url, page.url)}'
                                   f'{m["anchor"] or ""}"', html)


def download_copy(page, config, files) -> str:
    """The .ipynb offered for download: its page links as the site's addresses (site_url;
    relative without one) and the Colab link in its first cell. (Plain JSON, as nbformat
    writes it: importing nbformat would add a second to every build.)"""
    notebook = json.loads(Path(page.file.abs_src_path).read_text(encoding="utf-8"))

    def address(m: re.Match) -> str:
        url = linked_page(m["path"], page, files).url
        url = config.site_url + url if config.site_url else get_relative_url(url, page.url)
        return f"]({url}{m['anchor'] or ''})"

    colab = colab_url(page.file.src_uri, config)
    words = page_words(page, config)
    for number, cell in enumerate(notebook["cells"]):
        if cell["cell_type"] != "markdown":
            continue
        source = MARKDOWN_PAGE_LINK.sub(address, "".join(cell["source"]))
        if number == 0 and colab:
            source = re.sub(r"^(# .*)$", lambda m: f"{m[1]}\n\n[{words['colab']}]({colab})", source, count=1, flags=re.M)
        cell["source"] = source.splitlines(keepends=True)
    return json.dumps(notebook, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


@event_priority(50)  # before hooks/math.py, which renders the arithmatex markup
def on_post_page(output, page, config):
    if not is_notebook(page):
        return output
    css = get_relative_url(STYLESHEET, page.url)
    output = output.replace("</head>", f'<link rel="stylesheet" href="{css}">\n</head>', 1)
    return MARKDOWN_CELL.sub(arithmatex, output)
