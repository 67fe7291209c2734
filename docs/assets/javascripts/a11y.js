// Material wraps each code block's copy button in <nav class="md-code__nav">, one unnamed
// navigation landmark per code block (axe: landmark-unique). It is a button bar, not site
// navigation, so it gets no landmark role. Material builds these elements in its script, and
// with `content.lazy` only when the code block first scrolls into view, so they are caught
// as they are added.
document$.subscribe(() => {
  const unlandmark = (nav) => nav.setAttribute("role", "none")
  document.querySelectorAll("nav.md-code__nav").forEach(unlandmark)
  new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.addedNodes)
        if (node instanceof Element && node.matches("nav.md-code__nav")) unlandmark(node)
  }).observe(document.querySelector("main") || document.body, {childList: true, subtree: true})
})
