"""The chapters' figures: SVG files in docs/assets/figures/, drawn by code, the same bytes every run.

A drawer is a module in snippets/<chapter>/ (listed in DRAWERS) with a function
`figures() -> {file name: SVG text}`. It draws from the chapter's own computation: it runs
the snippet the page shows (`snippet_namespace`) and plots the variables that snippet
left, so a figure cannot disagree with the numbers printed next to it. A figure with
words is drawn once per language (`name.en.svg`, `name.hi.svg`) from labels kept side by
side in the drawer (`LABELS = {key: (English, Hindi)}`); one made only of code and
formulas is drawn once (`name.svg`). tests/test_figures.py fails when a committed file
differs from what its drawer draws now; `pytest --update-outputs` redraws them.

The SVG keeps text as text (`svg.fonttype: none`), so the browser shapes Devanagari with
the reader's fonts (`font-family: 'DejaVu Sans', 'Noto Sans', 'Noto Sans Devanagari',
sans-serif`). Matplotlib still measures text to lay the figure out: it measures with the
DejaVu Sans that ships inside matplotlib, never a font of the machine, so the layout (and
the bytes) do not depend on which fonts are installed. Ids are salted (`svg.hashsalt`) and
the metadata has no date, so the same drawer writes the same bytes on every run.
The background is white: on the dark palette a figure is a white card (extra.css).
"""
from __future__ import annotations

import hashlib
import importlib.util
import io
import math
import warnings
from pathlib import Path

from tools.page import ROOT, rel
from tools.doctests import TIME_LIMIT_S, TimeLimit, fresh_torch_defaults, run_code
from tools.site_config import languages

FIGURES_DIR = ROOT / "docs" / "assets" / "figures"
SNIPPETS = ROOT / "snippets"
LANGS = tuple(languages())  # a figure with words: one file per language, `name.<lang>.svg`
DRAWERS = [  # snippets/<chapter>/<drawer>.py, in the order of the chapters
    "pretraining/loss_figure.py",
    "components/parameters_figure.py",
    "components/dataflow_figure.py",
    "tensors/view_figure.py",
    "autograd/graph_svg.py",
    "autograd/sigmoid_figure.py",
    "backprop/finite_difference_figure.py",
    "backprop/training_figure.py",
    "train/losses_figure.py",
]

# Colours readable on the figures' white background (and as a white card on the dark palette).
BLUE, ORANGE, GREEN, GREY, INK = "#3f51b5", "#d84315", "#2e7d32", "#757575", "#212121"
FONTS = ["DejaVu Sans", "Noto Sans", "Noto Sans Devanagari"]  # written into the SVG, in order
STYLE = {
    "svg.fonttype": "none",          # text stays text: the browser shapes it
    "svg.hashsalt": "llm-basics",    # clip-path and marker ids: the same every run
    "font.family": ["sans-serif"],
    "font.sans-serif": FONTS,        # layout uses the first, matplotlib's own DejaVu Sans
    "font.size": 11,
    "axes.edgecolor": GREY,
    "axes.labelcolor": INK,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#e0e0e0",
    "grid.linewidth": 0.6,
    "xtick.color": GREY,
    "ytick.color": GREY,
    "xtick.labelcolor": INK,
    "ytick.labelcolor": INK,
    "text.color": INK,
    "figure.facecolor": "white",
    "axes.facecolor": "white",
    "savefig.facecolor": "white",
    "lines.linewidth": 2,
    "path.simplify": True,
}


def label(labels: dict, key: str, lang: str) -> str:
    """labels[key] in the page's language: LABELS = {key: (text, ...)}, one text per language
    in LANGS' order; a language with no text there (a new one) gets the first's."""
    texts = labels[key]
    return texts[LANGS.index(lang)] if LANGS.index(lang) < len(texts) else texts[0]


def power_of_ten(value, _position=None) -> str:
    """Tick label of a log axis as plain text (10⁻⁴), not mathtext: the browser sets it."""
    exponent = round(math.log10(value))
    return "1" if exponent == 0 else "10" + str(exponent).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))


READ: list[Path] = []  # the snippet files the drawer drawing now has run (its memo entry's inputs)


def snippet_namespace(*paths: str, limit: float | None = TIME_LIMIT_S) -> dict:
    """Run snippets/<path> as the page runs it (fresh torch defaults, output swallowed, the
    blocks' time limit); return the variables it left. Several paths: their code one after the
    other, as a page's block that includes several files runs it. A drawer reads snippets only
    through this."""
    READ.extend(SNIPPETS / p for p in paths)
    namespace = {"__name__": "__main__", "__file__": str(SNIPPETS / paths[-1])}
    try:
        run_code("".join((SNIPPETS / p).read_text(encoding="utf-8") for p in paths), namespace["__file__"],
                 limit=limit, namespace=namespace)
        return namespace
    except TimeLimit as stopped:
        raise RuntimeError(f"a figure drawer ran {', '.join(f'snippets/{p}' for p in paths)}, which {stopped}") from None
    finally:
        fresh_torch_defaults()  # what the snippet set (print options...) stays with it


def bundled_font() -> Path:
    """The font matplotlib measures text with: the DejaVu Sans inside matplotlib itself."""
    import matplotlib
    import matplotlib.style
    from matplotlib import font_manager

    with matplotlib.style.context(["default", STYLE]):
        found = Path(font_manager.findfont(font_manager.FontProperties(), fallback_to_default=False))
    data = Path(matplotlib.get_data_path())
    if data not in found.parents:
        raise RuntimeError(f"matplotlib measures text with {found}, not the DejaVu Sans in {data}: "
                           "the figures would depend on this machine's fonts")
    return found


def svg(draw, *args) -> str:
    """draw(*args) makes a matplotlib figure in the site's style; return it as SVG text."""
    import matplotlib

    matplotlib.use("svg", force=True)
    import matplotlib.pyplot as plt

    bundled_font()
    # matplotlib's defaults, not the machine's matplotlibrc, then the site's style
    with plt.style.context(["default", STYLE]), warnings.catch_warnings():
        # Devanagari is measured with DejaVu Sans, which lacks it; the browser draws it.
        warnings.filterwarnings("ignore", message=r"Glyph \d+ \(\\N\{DEVANAGARI")
        fig = draw(*args)
        out = io.StringIO()
        fig.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
        plt.close(fig)
    return out.getvalue()


def drawer_module(path: str):
    spec = importlib.util.spec_from_file_location(Path(path).stem, SNIPPETS / path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "missing"


def drawn_by(path: str, memo) -> dict[str, str]:
    """{file name: SVG text} of one drawer, or what it drew before (`memo`: tools/snippet_memo.py)
    while the drawer, the snippets it ran, this file, the engine and the versions of matplotlib,
    torch, numpy and Python stay the same."""
    def draw() -> dict:
        READ.clear()
        figures = drawer_module(path).figures()
        return {"reads": {rel(p): file_digest(p) for p in READ}, "figures": figures}

    def reads_unchanged(entry: dict) -> bool:
        return all(file_digest(ROOT / name) == digest for name, digest in entry["reads"].items())

    return memo.remembered(memo.key(SNIPPETS / path, Path(__file__)), draw, dict, reads_unchanged)["figures"]


def drawn(memo) -> dict[str, tuple[str, str]]:
    """Every figure drawn now: {file name: (SVG text, "snippets/<chapter>/<drawer>.py")}."""
    figures = {}
    for path in DRAWERS:
        for name, text in drawn_by(path, memo).items():
            if name in figures:
                raise RuntimeError(f"{name} is drawn by both {figures[name][1]} and {path}")
            figures[name] = (text, f"snippets/{path}")
    return figures


def out_of_date(figures: dict[str, tuple[str, str]], folder: Path) -> dict[Path, str]:
    """Each file in `folder` that is not what the drawers draw now (`figures`, from drawn()), and why."""
    found = {}
    for name, (text, drawer) in figures.items():
        path = folder / name
        if not path.is_file():
            found[path] = f"{rel(path)} is missing ({drawer} draws it)"
        elif path.read_text(encoding="utf-8") != text:
            found[path] = f"{rel(path)} is stale: {drawer} draws something else now"
    return found | {p: f"{rel(p)}: no drawer in tools.figures.DRAWERS makes it"
                    for p in sorted(folder.glob("*.svg")) if p.name not in figures}


def write(figures: dict[str, tuple[str, str]]) -> None:
    """Write the figures that changed; remove files no drawer makes."""
    FIGURES_DIR.mkdir(parents=True, exist_ok=True)
    for path in out_of_date(figures, FIGURES_DIR):
        if path.name in figures:
            path.write_text(figures[path.name][0], encoding="utf-8")
        else:
            path.unlink()
