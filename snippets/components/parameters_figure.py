"""Figure: where GPT-2 small's parameters live, with the output head untied and tied.

Drawn from parameter_formula.py, the snippet on the page: the bars are its variables
(token_embedding, attention, feed_forward, ... times n blocks), and they must add up to the
`total` it prints. Files: docs/assets/figures/components_parameters.en.svg and .hi.svg.
"""
import matplotlib.pyplot as plt

from tools.figures import BLUE, GREEN, GREY, LANGS, ORANGE, label, snippet_namespace, svg

LABELS = {
    "token": ("token embedding  V·d", "टोकन एम्बेडिंग  V·d"),
    "position": ("position embedding  T·d", "पोज़िशनल एम्बेडिंग  T·d"),
    "attention": ("attention, {n} blocks", "अटेंशन ({n} ब्लॉक)"),
    "feed_forward": ("feed-forward, {n} blocks", "फ़ीड-फ़ॉरवर्ड ({n} ब्लॉक)"),
    "layer_norm": ("LayerNorm, {k} of them", "कुल {k} LayerNorm"),
    "head": ("output head  d·V", "आउटपुट हेड  d·V"),
    "head_note": ("untied: {head:,}\ntied: 0 (the token embedding's matrix)",
                  "बिना वेट टाइंग: {head:,}\nवेट टाइंग के साथ: 0 (टोकन एम्बेडिंग का ही मैट्रिक्स)"),
    "x": ("parameters (millions)", "पैरामीटर (मिलियन में)"),
    "totals": ("total: {untied:,} untied,  {tied:,} tied",
               "कुल योग: बिना वेट टाइंग {untied:,},  वेट टाइंग के साथ {tied:,}"),
}


def draw(lang):
    page = snippet_namespace("components/parameter_formula.py")
    n = page["n"]
    parts = [  # (label, parameters, colour), top to bottom
        (label(LABELS, "token", lang), page["token_embedding"], BLUE),
        (label(LABELS, "position", lang), page["position_embedding"], BLUE),
        (label(LABELS, "attention", lang).format(n=n), n * page["attention"], GREEN),
        (label(LABELS, "feed_forward", lang).format(n=n), n * page["feed_forward"], GREEN),
        (label(LABELS, "layer_norm", lang).format(k=2 * n + 1), n * page["layer_norms"] + page["final_norm"], GREEN),
        (label(LABELS, "head", lang), page["output_head"], ORANGE),
    ]
    untied, tied = sum(p for _, p, _ in parts), page["total"] - page["output_head"]
    assert untied == page["total"], f"the parts add up to {untied:,}, the page prints {page['total']:,}"

    fig, ax = plt.subplots(figsize=(7, 3.4))
    fig.subplots_adjust(left=0.31, right=0.97, bottom=0.25, top=0.97)
    rows = range(len(parts))[::-1]
    for row, (_, count, colour) in zip(rows, parts):
        head = colour == ORANGE
        ax.barh(row, count / 1e6, height=0.62, color="white" if head else colour,
                edgecolor=colour, hatch="///" if head else None, linewidth=1.2)
        note = label(LABELS, "head_note", lang).format(head=count) if head else f"{count:,}"
        ax.text(count / 1e6 + 1, row, note, ha="left", va="center", fontsize=10)
    ax.set_yticks(list(rows), [name for name, _, _ in parts])
    ax.tick_params(axis="y", length=0)
    ax.grid(axis="y", visible=False)
    ax.set_xlim(0, 100)
    ax.set_xticks(range(0, 61, 20))
    ax.spines.bottom.set_bounds(0, 60)
    ax.set_axisbelow(True)
    ax.set_xlabel(label(LABELS, "x", lang), loc="left")
    fig.text(0.31, 0.02, label(LABELS, "totals", lang).format(untied=untied, tied=tied),
             ha="left", va="bottom", color=GREY)
    return fig


def figures():
    return {f"components_parameters.{lang}.svg": svg(draw, lang) for lang in LANGS}
