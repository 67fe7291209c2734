// Material wraps each code block's copy button in <nav class="md-code__nav">, one unnamed
// navigation landmark per code block (axe: landmark-unique). It is a button bar, not site
// navigation, so it gets no landmark role. (Material builds these elements in its script,
// so no template override reaches them.)
document$.subscribe(() => {
  for (const nav of document.querySelectorAll("nav.md-code__nav")) nav.setAttribute("role", "none")
})
