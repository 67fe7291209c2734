"""Notebook pages: docs/<lang>/notebooks/<chapter>.ipynb, made by tests/make_notebooks.py.

- MkDocs treats .ipynb files as pages, so mkdocs-jupyter renders them under
  mkdocs-static-i18n instead of copying raw JSON (mkdocs-static-i18n issue 198).
- A chapter page that has a notebook links to it, and to Colab, under its title.
- A notebook page gets a download button for its .ipynb (mkdocs-jupyter's `include_source`
  copies the file next to the page).
- Its headings get the ids Python-Markdown would give them (Hindi ones included: nbconvert
  gives every Devanagari heading the same empty id), and the table of contents is rebuilt
  from them (mkdocs-jupyter's loses inline code and links to ids the page does not have).
- Nothing loads from other hosts: nbconvert's template adds MathJax and a mermaid loader
  from a CDN; both go, and the notebook's $...$ math is marked up as pymdownx.arithmatex
  marks it, so hooks/katex.py renders it at build time like the math of every other page.
"""
import posixpath
import re
from pathlib import Path

import material
import mkdocs.utils
from markdown.extensions.toc import slugify, unique
from mkdocs.plugins import event_priority
from mkdocs.structure.toc import get_toc

if ".ipynb" not in mkdocs.utils.markdown_extensions:
    mkdocs.utils.markdown_extensions = (*mkdocs.utils.markdown_extensions, ".ipynb")

WORDS = {
    "en": {"run": "Run this chapter yourself: [as a Jupyter notebook]({notebook}) · [in Colab]({colab})",
           "download": "Download the notebook (.ipynb)"},
    "hi": {"run": "यह अध्याय ख़ुद चलाइए: [Jupyter नोटबुक के रूप में]({notebook}) · [Colab में]({colab})",
           "download": "नोटबुक डाउनलोड करें (.ipynb)"},
}
DOWNLOAD_ICON = (Path(material.__file__).parent / "templates/.icons/material/download.svg").read_text()
CDN_SCRIPT = re.compile(  # the MathJax loader (by nbconvert's comment), its config, the mermaid loader
    r"<!-- Load mathjax -->\s*<script\b[^>]*>\s*</script>\s*"
    r"|<script\b[^>]*>(?:(?!</script>).)*?(?:MathJax|mermaid)(?:(?!</script>).)*?</script>\s*", re.S | re.I)
MARKDOWN_CELL = re.compile(r'(<div class="jp-RenderedHTMLCommon jp-RenderedMarkdown[^"]*"[^>]*>)(.*?)(</div>)', re.S)
DISPLAY_MATH = re.compile(r"\$\$(.+?)\$\$", re.S)
HEADING = re.compile(r'<h(?P<level>[1-6]) id="[^"]*">(?P<inner>.*?)<a class="anchor-link" href="#[^"]*">¶</a></h(?P=level)>', re.S)
INLINE_MATH = re.compile(r"(?<![\\$])\$(?!\s)([^$\n]+?)(?<!\s)\$")


def is_notebook(page) -> bool:
    return page.file.src_uri.endswith(".ipynb")


def language(page, config) -> str:
    return getattr(page.file, "locale", None) or config.theme.get("language") or "en"


def colab_url(notebook_src_uri: str, config) -> str:
    repo = re.fullmatch(r"https://github\.com/([^/]+/[^/]+?)(?:\.git)?/?", config.repo_url or "")
    branch = re.search(r"(?:edit|blob)/([^/]+)/", config.edit_uri or "")
    docs = Path(config.docs_dir).relative_to(Path(config.config_file_path).parent).as_posix()
    return (f"https://colab.research.google.com/github/{repo[1]}/blob/"
            f"{branch[1] if branch else 'main'}/{docs}/{notebook_src_uri}")


def on_page_markdown(markdown, page, config, files):
    """Under a chapter's title: links to its notebook page and to Colab."""
    src = page.file.src_uri
    lang_dir, _, name = src.partition("/")
    notebook = f"{lang_dir}/notebooks/{name.removesuffix('.md')}.ipynb"
    if is_notebook(page) or not files.get_file_from_path(notebook):
        return markdown
    words = WORDS.get(language(page, config), WORDS["en"])
    line = words["run"].format(notebook=posixpath.relpath(notebook, posixpath.dirname(src)),
                               colab=colab_url(notebook, config))
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
        return f'<h{level} id="{anchor}">{m["inner"]}<a class="anchor-link" href="#{anchor}">¶</a></h{level}>'

    html = HEADING.sub(one, html)
    page.toc = get_toc(tokens)
    return html


def on_page_content(html, page, config, files):
    """A notebook page: headings and contents fixed, and a button to download its .ipynb
    (mkdocs-jupyter copies it next to the page)."""
    if not is_notebook(page):
        return html
    html = headings_and_toc(html, page)
    words = WORDS.get(language(page, config), WORDS["en"])
    name = posixpath.basename(page.file.src_uri)
    button = (f'<a href="{name}" download title="{words["download"]}" aria-label="{words["download"]}" '
              f'class="md-content__button md-icon">{DOWNLOAD_ICON}</a>')
    return button + html


def arithmatex(cell: re.Match) -> str:
    body = DISPLAY_MATH.sub(lambda m: f'<div class="arithmatex">\\[{m[1]}\\]</div>', cell[2])
    body = INLINE_MATH.sub(lambda m: f'<span class="arithmatex">\\({m[1]}\\)</span>', body)
    return cell[1] + body + cell[3]


@event_priority(50)  # before hooks/katex.py, which renders the arithmatex markup
def on_post_page(output, page, config):
    if not is_notebook(page):
        return output
    output = CDN_SCRIPT.sub("", output)
    return MARKDOWN_CELL.sub(arithmatex, output)
