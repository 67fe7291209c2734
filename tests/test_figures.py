"""Figures drawn by code are up to date: each committed copy equals what its generator draws now.

The autograd graph figure is drawn from the real autograd graph of the worked example by
snippets/autograd/graph_svg.py. One copy, docs/assets/figures/, serves both languages.
To redraw after a change: pytest --update-outputs
"""
import importlib.util
import xml.etree.ElementTree as ET

import pytest

from tools.doctests import ROOT, rel

GENERATOR = ROOT / "snippets" / "autograd" / "graph_svg.py"
LANGS = ["en", "hi"]
FIGURE = "assets/figures/autograd_graph.svg"   # relative to docs/
LINK = f"../{FIGURE}"   # from docs/<lang>/<page>.md
PAGE = "autograd.md"


def drawn_now() -> str:
    spec = importlib.util.spec_from_file_location("graph_svg", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.autograd_graph_svg()


@pytest.fixture(scope="module")
def svg():
    return drawn_now()


def test_the_figure_is_well_formed_svg_showing_the_graph(svg):
    root = ET.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    labels = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    for name in ["BinaryCrossEntropyBackward0", "SigmoidBackward0", "AddBackward0",
                 "MulBackward0", "AccumulateGrad (w)", "AccumulateGrad (b)"]:
        assert name in labels, f"{name} missing from the drawn graph: {labels}"
    arrows = list(root.iter("{http://www.w3.org/2000/svg}line"))
    assert len(arrows) == 5, "the graph of the worked example has 6 nodes and 5 edges"


def test_committed_figure_is_what_the_generator_draws(svg, request):
    path = ROOT / "docs" / FIGURE
    if request.config.getoption("--update-outputs"):
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_text(encoding="utf-8") != svg:
            path.write_text(svg, encoding="utf-8")
        return
    assert path.is_file(), f"{rel(path)} is missing. To draw it: pytest --update-outputs"
    assert path.read_text(encoding="utf-8") == svg, (
        f"{rel(path)} is stale: {rel(GENERATOR)} draws something else now.\n"
        "To redraw it: pytest --update-outputs")


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_shows_the_figure(lang):
    page = ROOT / "docs" / lang / PAGE
    assert f"({LINK})" in page.read_text(encoding="utf-8"), f"{rel(page)} does not show {LINK}"
