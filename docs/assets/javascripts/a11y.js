// Material wraps each code block's copy button in <nav class="md-code__nav">, one unnamed
// navigation landmark per code block (axe: landmark-unique). It is a button bar, not site
// navigation, so it gets no landmark role. Material builds these elements in its script, and
// with `content.lazy` only when the code block first scrolls into view, so they are caught
// as they are added.
//
// A table wider than its column (a side-by-side page's half column, tools/side_by_side.py)
// scrolls, and a keyboard must be able to reach it to scroll it (axe:
// scrollable-region-focusable). Until Material's script puts the table in a scroll box
// (.md-typeset__scrollwrap) the table itself scrolls; after, the box does: whichever scrolls
// is reachable, the other not (one tab stop). (A display formula, which scrolls when wider than
// its column, is a tab stop from the build: tools/mathml.py.)
document$.subscribe(() => {
  const unlandmark = (nav) => nav.setAttribute("role", "none")
  // Reading a width lays the page out. Read at load, that layout came on top of the browser's
  // own (one long task on a long page: Lighthouse's blocking time), so the widths are read where
  // the browser has just laid the page out: in a ResizeObserver's callback, which comes once for
  // every box and its content at first, and again when either changes size (a font arriving
  // widens a table). All widths are read first, then the attributes written.
  const reachable = (boxes) => {
    const wide = boxes.map((box) => box.scrollWidth > box.clientWidth)
    boxes.forEach((box, i) => wide[i] ? box.setAttribute("tabindex", "0") : box.hasAttribute("tabindex") && box.removeAttribute("tabindex"))
  }
  const boxOf = new Map()
  const resized = new ResizeObserver((entries) => reachable([...new Set(entries.map((e) => boxOf.get(e.target)))]))
  const afterLayout = (boxes) => boxes.forEach((box) => {
    for (const element of [box, box.firstElementChild]) if (element) {
      boxOf.set(element, box)
      resized.observe(element)
    }
  })
  document.querySelectorAll("nav.md-code__nav").forEach(unlandmark)
  afterLayout([...document.querySelectorAll(".bilingual table, .bilingual .md-typeset__scrollwrap")])
  new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.addedNodes)
        if (node instanceof Element && node.matches("nav.md-code__nav")) unlandmark(node)
        else if (node instanceof Element && node.matches(".bilingual .md-typeset__scrollwrap")) {
          afterLayout([...node.querySelectorAll("table"), node])
        }
  }).observe(document.querySelector("main") || document.body, {childList: true, subtree: true})
})
