"""Each chapter in both languages, section by section: one extra page per chapter and language.

`x/both/` shows docs/en/x.md with its Hindi twin beside it, `hi/x/both/` the Hindi page with
its English twin. The twins have the same headings, code and output blocks, formulas, figures
and admonitions in the same order (tests/test_parity.py), so after both languages are built
each twin's rendered article is cut at the same places: before every heading, and around every
code or output block, display formula, figure and admonition. Code, outputs, display formulas
and figures are the same objects in both languages and are shown once (the page's own figure,
with alt text in the page's language); the prose between two cuts becomes a pair: the page's
language, then its twin (with its own `lang`), two columns on a wide screen, the twin under it,
in smaller and lighter type, on a phone (side_by_side.css, inlined in the page). An admonition
that holds code (an exercise's solution) is shown once, its title in both languages, its
inside paired the same way; one without code is a pair of two.

The page is the chapter page of its language with the article replaced, every relative link
rebased one folder deeper, links to chapters pointed at their own side-by-side pages (so the
mode holds while the reader moves on), the language menu leading to the other language's
side-by-side page and its mode entry to the plain chapter (`data-both="off"`). A Hindi page
older than its English twin (tools/translations.py) says so here too, in both pages.

The pages are written after the last build (hooks/side_by_side.py); they are not MkDocs pages,
so neither the search index, the sitemap, the notebooks nor the PDFs (tools/pdf.py prints the
nav's pages) know them. A twin that does not align is a build error naming both pages.
"""
from __future__ import annotations

import html as entities
import json
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

from tools.build_memo import digest, memo
from tools.served_site import page_path as site_path  # docs/<lang>/a/b.md -> 'a/b/' ('hi/a/b/')
from tools.site_config import chapters as site_chapters
from tools.site_config import language_name, languages
from tools.site_config import twin_language as other
from tools.strings import strings

FOLDER = "both/"
STYLESHEET = Path(__file__).with_name("side_by_side.css")
ARTICLE = re.compile(r'(<article class="md-content__inner md-typeset">)(.*?)(</article>)', re.S)
URL_ATTR = re.compile(r'\b(href|src|data-after-first-paint)="([^"]*)"')
SCOPE = re.compile(r'__md_scope=new URL\("([^"]*)",location\)')
CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
CANONICAL = re.compile(r'<link rel="canonical" href="[^"]*">')
TITLE = re.compile(r"<title>(.*?)</title>", re.S)
MENU_ENTRY = re.compile(r'<li class="md-select__item" data-both-entry>.*?</li>', re.S)
HEAD_SCRIPT = re.compile(r'<script data-both-page="[^"]*">')
HEADING = re.compile(r"h[1-6]")
TAG = re.compile(r"<!--.*?-->|<(?P<closing>/?)(?P<name>[a-zA-Z][\w:-]*)(?P<rest>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.S)
ATTRIBUTE = re.compile(r'([\w:-]+)="([^"]*)"')
SHARED_INSIDE = re.compile(r'<div class="[^"]*\b(?:highlight|arithmatex)\b|<figure\b|<pre\b|<p>\s*<img\b')
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# What the twin drops (it is read beside the page's own text: its glossary tooltips, permanent
# links, "checked with" line and mode link are the page's own already), and its ids.
TWIN_DROPS = re.compile(r'<a [^>]*class="headerlink"[^>]*>.*?</a>|<p [^>]*class="(?:checked-with|both-link)"[^>]*>.*?</p>',
                        re.S)
ABBR = re.compile(r"<abbr\b[^>]*>(.*?)</abbr>", re.S)
OWN_DROPS = re.compile(r'<p [^>]*class="both-link"[^>]*>.*?</p>', re.S)
ID = re.compile(r'(?<=\s)id="([^"]*)"')


class SideBySideError(ValueError):
    """Twins that cannot be shown side by side (their structures differ)."""


# ---------------------------------------------------------------- which pages

@dataclass(frozen=True)
class Chapter:
    rel: Path                                   # under docs/<lang>/, e.g. autograd.md
    paths: dict = field(hash=False, compare=False)  # lang -> the chapter page's path in the site

    def mode_path(self, lang: str) -> str:
        return self.paths[lang] + FOLDER


def chapters(docs: Path) -> list[Chapter]:
    """The chapters (tools/site_config.chapters(): the nav's pages with Python blocks, in nav order)."""
    return [Chapter(Path(name), {lang: site_path(lang, Path(name)) for lang in languages()})
            for name in site_chapters(docs.parent)]


def label(lang: str) -> str:
    """'English + <span lang="hi">हिन्दी</span>': the mode's name, from the page's language."""
    return f'{language_name(lang)} + <span lang="{other(lang)}">{language_name(other(lang))}</span>'


def link(lang: str, href: str) -> str:
    """The link under each chapter's title (p.both-link; tools/pdf.py leaves it out of the PDF)."""
    return strings(lang)["side_by_side"]["link"].format(link=f'<a href="{href}" data-both="on">{label(lang)}</a>')


# ---------------------------------------------------------------- the built article, read once

@dataclass
class Node:
    """A top-level element of an HTML fragment (or a run of text), as its exact source."""
    html: str
    name: str | None = None            # tag name; None for text
    attrs: dict = field(default_factory=dict)
    inner: tuple[int, int] = (0, 0)    # where its content lies in `html`

    def __str__(self) -> str:
        return self.html

    def get(self, key: str, default=None):
        return self.attrs.get(key, default)

    def children(self) -> list[Node]:
        return split(self.html[self.inner[0]:self.inner[1]])

    def text(self) -> str:
        return entities.unescape(re.sub(r"<[^>]*>", " ", self.html))


def attributes(text: str) -> dict:
    return dict(ATTRIBUTE.findall(text))


def split(fragment: str) -> list[Node]:
    """The fragment's top-level elements (and runs of text), by their offsets in the source: no
    tree, no re-serialisation (the pages' HTML is MkDocs' own, well formed, with no script in
    an article)."""
    nodes, open_tags, last = [], [], 0
    for m in TAG.finditer(fragment):
        closing, name, rest = m["closing"], m["name"], m["rest"]
        if name is None:  # a comment
            continue
        if not open_tags and m.start() > last and fragment[last:m.start()].strip():
            nodes.append(Node(fragment[last:m.start()]))
        if not closing and (name in VOID or rest.rstrip().endswith("/")):
            if not open_tags:
                nodes.append(Node(m[0], name, attributes(rest)))
                last = m.end()
            continue
        if not closing:
            open_tags.append((name, m.start(), m.end(), rest))
            continue
        if name not in (t for t, *_ in open_tags):
            continue  # a stray end tag
        while (top := open_tags.pop())[0] != name:
            pass
        if not open_tags:
            _, start, inner_start, rest = top
            nodes.append(Node(fragment[start:m.end()], name, attributes(rest), (inner_start - start, m.start() - start)))
            last = m.end()
    if not open_tags and fragment[last:].strip():
        nodes.append(Node(fragment[last:]))
    return nodes


# ---------------------------------------------------------------- aligning the twins

@dataclass
class Part:
    kind: str        # "prose" (a heading, if any, and what follows), "shared" or "box"
    nodes: list
    label: str = ""  # what the twin's part must match: the heading level, the block's kind

    def describe(self) -> str:
        if self.kind == "prose":
            return f"a {self.label} heading" if self.label else "prose"
        return self.label


def classes(node) -> set:
    return set((node.get("class") or "").split())


def shared_kind(node) -> str | None:
    """'code', 'formula' or 'figure' for a block both languages show, else None."""
    cls = classes(node)
    if node.name == "div" and "highlight" in cls:
        return "code block"
    if node.name == "div" and "arithmatex" in cls:
        return "display formula"
    if node.name == "figure" or node.name == "pre":
        return "figure" if node.name == "figure" else "code block"
    if node.name == "p" and "<img" in node.html and not node.text().strip():
        return "figure"
    return None


def box_kind(node) -> str | None:
    cls = classes(node)
    if "translation-status" in cls:
        return None  # the Hindi page's own notice (hooks/translation_status.py): prose of its column
    if node.name == "details" or (node.name == "div" and "admonition" in cls):
        kinds = sorted(cls - {"admonition"})
        return f"admonition ({' '.join(kinds)})"
    return None


def parts(nodes) -> list[Part]:
    """The nodes cut before each heading and around each shared block and admonition; a prose
    part follows every cut (possibly empty), so twins yield the same sequence of parts."""
    found = [Part("prose", [])]
    for node in nodes:
        if node.name is None:  # text (split() keeps no comments and no blank runs)
            found[-1].nodes.append(node)
            continue
        if HEADING.fullmatch(node.name):
            found.append(Part("prose", [node], node.name))
        elif kind := shared_kind(node):
            found += [Part("shared", [node], kind), Part("prose", [])]
        elif kind := box_kind(node):
            found += [Part("box", [node], kind), Part("prose", [])]
        else:
            found[-1].nodes.append(node)
    return found


def heading_text(part: Part) -> str:
    return " ".join(part.nodes[0].text().split()).removesuffix("¶").strip() if part.label else ""


def align(own: list, twin: list, where: tuple[str, str]) -> list[tuple[Part, Part]]:
    """The two twins' parts, pairwise; SideBySideError at the first that differs. `where`:
    the names of the page and of its twin."""
    a, b = parts(own), parts(twin)
    last_heading = "the start"
    for x, y in zip(a, b):
        if (x.kind, x.label) != (y.kind, y.label):
            raise SideBySideError(f"{where[0]} and {where[1]}: after {last_heading}, {where[0]} has {x.describe()} "
                                  f"where {where[1]} has {y.describe()}; twins must have the same headings, blocks, "
                                  f"formulas, figures and admonitions in the same order (tests/test_parity.py)")
        if x.label.startswith("h"):
            last_heading = f"heading «{heading_text(x)}»"
    if len(a) != len(b):
        longer, shorter = where if len(a) > len(b) else where[::-1]
        extra = a[len(b)] if len(a) > len(b) else b[len(a)]
        raise SideBySideError(f"{where[0]} and {where[1]}: after {last_heading}, {longer} goes on with "
                              f"{extra.describe()} where {shorter} ends")
    return list(zip(a, b))


def html_of(nodes) -> str:
    return "".join(str(n) for n in nodes)


def pair(own: list, twin: list, lang: str, twin_lang: str) -> str:
    if not own and not twin:
        return ""
    return (f'<div class="bilingual"><div class="bilingual__own" lang="{lang}">{html_of(own)}</div>'
            f'<div class="bilingual__twin" lang="{twin_lang}">{html_of(twin)}</div></div>\n')


def holds_shared(node: Node) -> bool:
    """A code block, display formula or figure anywhere inside."""
    return bool(SHARED_INSIDE.search(node.html, node.inner[0], node.inner[1]))


def title_of(children: list[Node]) -> Node | None:
    return next((n for n in children if n.name == "summary" or (n.name == "p" and "admonition-title" in classes(n))),
                None)


def merged(own: Node, twin: Node, lang: str, twin_lang: str, where: tuple[str, str]) -> str:
    """A box both twins have: once if it holds a shared block, its title in both languages."""
    if not holds_shared(own):
        return pair([own], [twin], lang, twin_lang)
    own_children, twin_children = own.children(), twin.children()
    own_title, twin_title = title_of(own_children), title_of(twin_children)
    inner = interleave([n for n in own_children if n is not own_title],
                       [n for n in twin_children if n is not twin_title], lang, twin_lang, where)
    title = "" if own_title is None else own_title.html
    if own_title is not None and twin_title is not None:
        twin_words = twin_title.html[twin_title.inner[0]:twin_title.inner[1]]
        title = (title[:own_title.inner[1]] + f' <span class="bilingual__title" lang="{twin_lang}">{twin_words}</span>'
                 + title[own_title.inner[1]:])
    return own.html[:own.inner[0]] + title + inner + own.html[own.inner[1]:] + "\n"


def interleave(own: list, twin: list, lang: str, twin_lang: str, where: tuple[str, str]) -> str:
    out = []
    for x, y in align(own, twin, where):
        if x.kind == "prose":
            out.append(pair(x.nodes, y.nodes, lang, twin_lang))
        elif x.kind == "shared":
            out.append(str(x.nodes[0]) + "\n")
        else:
            out.append(merged(x.nodes[0], y.nodes[0], lang, twin_lang, where))
    return "".join(out)


# ---------------------------------------------------------------- links

def resolve(page: str, ref: str, prefix: str = "/") -> str | None:
    """A link on site page `page` (the site served under `prefix`) as a path in the site, with
    its ?query and #fragment, or None for one that leaves the site (another host, above `prefix`)."""
    base = "http://site" + prefix
    joined = urljoin(base + page, ref)
    return joined.removeprefix(base) if joined.startswith(base) else None


def relative(target: str, page: str) -> str:
    """Site path `target` ('hi/tensors/', 'assets/x.css#y', '') as a link from page `page`."""
    path, _, fragment = target.partition("#")
    rel = posixpath.relpath("/" + path, "/" + page)
    if path.endswith("/") or not path:
        rel = rel.rstrip("/") + "/"
    rel = "./" if rel == "./" or rel == "." else rel
    return rel + (f"#{fragment}" if fragment else "")


def rebase(html: str, source: str, target: str, modes: dict[str, str]) -> str:
    """Relative links written for site page `source` rewritten for `target`; a link to a
    chapter page (a key of `modes`) goes to its side-by-side page instead."""
    def moved(ref: str) -> str:
        path = resolve(source, ref) if ref and not ref.startswith(("#", "/")) else None  # (#x: on the page)
        if path is None:
            return ref
        bare, hash_, fragment = path.partition("#")
        return relative(modes.get(bare, bare) + hash_ + fragment, target)

    html = URL_ATTR.sub(lambda m: f'{m[1]}="{moved(m[2])}"', html)
    html = SCOPE.sub(lambda m: f'__md_scope=new URL("{moved(m[1] + "/").rstrip("/") or "."}",location)', html)

    def config(m):
        data = json.loads(m[2])
        for key in ("base", "search"):
            if isinstance(data.get(key), str):
                data[key] = moved(data[key])
        return m[1] + json.dumps(data) + m[3]

    return CONFIG.sub(config, html)


def as_twin(text: str, lang: str) -> str:
    """The twin's article beside the page's own: without what the page has already (TWIN_DROPS,
    the tooltips' <abbr>), its ids with its language in front (`hi--_2`), links to them too, so
    they never clash with the page's own."""
    text = ABBR.sub(r"\1", TWIN_DROPS.sub("", text))
    ids = set(ID.findall(text))
    text = ID.sub(lambda m: f'id="{lang}--{m[1]}"', text)
    return re.sub(r'href="#([^"]*)"', lambda m: f'href="#{lang}--{m[1]}"' if m[1] in ids else m[0], text)


# ---------------------------------------------------------------- the page

def article(html: str, where: str) -> str:
    m = ARTICLE.search(html)
    if not m:
        raise SideBySideError(f"{where}: its built page has no <article class=\"md-content__inner md-typeset\">")
    return m[2]


def modes_of(found: list[Chapter]) -> dict[str, str]:
    """Each chapter page's path -> its side-by-side page's path, both languages."""
    return {c.paths[l]: c.mode_path(l) for c in found for l in languages()}


def switch_bar(chapter: Chapter, lang: str) -> str:
    mode, twin_lang = chapter.mode_path(lang), other(lang)
    only, first = strings(lang)["side_by_side"]["only"], strings(twin_lang)["side_by_side"]["first"]
    return (f'<p class="bilingual__switch"><a href="{relative(chapter.paths[lang], mode)}" data-both="off">{only}</a>'
            f' · <a href="{relative(chapter.mode_path(twin_lang), mode)}" hreflang="{twin_lang}" lang="{twin_lang}">'
            f'{first}</a></p>\n')


def mode_page(chapter: Chapter, lang: str, built: dict[str, str], modes: dict[str, str],
              site_url: str, docs_name: str = "docs") -> str:
    """The side-by-side page of `chapter` in `lang`, made from the two built chapter pages
    (`built`: lang -> HTML); `modes` from modes_of(), `site_url` ending in '/'."""
    twin_lang, path, mode = other(lang), chapter.paths[lang], chapter.mode_path(lang)
    text = strings(lang)["side_by_side"]
    where = tuple(f"{docs_name}/{l}/{chapter.rel.as_posix()}" for l in (lang, twin_lang))
    page = rebase(built[lang], path, mode, modes)
    own = OWN_DROPS.sub("", article(page, where[0]))
    twin = as_twin(article(rebase(built[twin_lang], chapter.paths[twin_lang], mode, modes), where[1]), twin_lang)
    if "twin_older" in text and re.search(r'<div class="[^"]*\btranslation-status\b', twin):
        own = own.replace("</h1>", "</h1>" + text["twin_older"], 1)
    body = switch_bar(chapter, lang) + interleave(split(own), split(twin), lang, twin_lang, where)
    page = ARTICLE.sub(lambda m: m[1] + "\n" + body + m[3], page, count=1)
    names = f"{language_name(lang)} + {language_name(twin_lang)}"
    page = TITLE.sub(lambda m: "<title>{} ({}){}{}</title>".format(
        *(lambda h, s, t: (h, names, s, t) if s else (t, names, "", ""))(*m[1].rpartition(" - "))), page, count=1)
    page = CANONICAL.sub(f'<link rel="canonical" href="{site_url}{path}">', page, count=1)
    page = re.sub(r'(<link rel="alternate" href=")' + re.escape(site_url) + r'([^"]*)(")',
                  lambda m: m[1] + site_url + modes.get(m[2], m[2]) + m[3], page)
    page = MENU_ENTRY.sub(f'<li class="md-select__item"><a href="{relative(path, mode)}" class="md-select__link" '
                          f'data-both="off">{text["only"]}</a></li>', page, count=1)
    page = HEAD_SCRIPT.sub("<script>", page)
    style = STYLESHEET.read_text(encoding="utf-8")
    return page.replace("</head>", f"<style>{style}</style>\n</head>", 1)


def write_pages(site: Path, docs: Path, site_url: str) -> list[str]:
    """Write every chapter's side-by-side pages into the built site (both languages' pages
    must be there), each made again only when what it is made from changed (tools/build_memo.py);
    returns their paths."""
    found = chapters(docs)
    modes = modes_of(found)
    made = memo("side-by-side", digest(Path(__file__).read_bytes(), STYLESHEET.read_bytes()))
    written = []
    for chapter in found:
        built = {}
        for lang in languages():
            file = site / chapter.paths[lang] / "index.html"
            if not file.is_file():
                raise SideBySideError(f"{file}: chapter page missing from the built site")
            built[lang] = file.read_text(encoding="utf-8")
        for lang in languages():
            target = site / chapter.mode_path(lang)
            target.mkdir(parents=True, exist_ok=True)
            key = (lang, chapter.rel.as_posix(), built, sorted(modes.items()), site_url, docs.name,
                   strings(lang), strings(other(lang)), language_name(lang), language_name(other(lang)))
            page = made.get(key, lambda: mode_page(chapter, lang, built, modes, site_url, docs.name))
            (target / "index.html").write_text(page, encoding="utf-8")
            sitemap = site / chapter.paths[lang] / "sitemap.xml"  # Material's language menu asks for it
            if sitemap.is_file():
                (target / "sitemap.xml").write_bytes(sitemap.read_bytes())
            written.append(chapter.mode_path(lang))
    return written
