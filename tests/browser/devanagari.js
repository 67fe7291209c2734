// For every font (as computed by CSS) that renders Devanagari text on the page, draw each
// distinct Devanagari character of that text on a canvas in that font and compare the pixels
// with those of a character no font has (U+0378, unassigned): Chromium draws a missing glyph
// as the same .notdef box (tofu) whatever the character, so a character whose pixels equal the
// tofu's, or a text whose letters all look alike, is not rendered with real glyphs.
() => {
  const DEVANAGARI = /[\u0900-\u097F]/;
  const TOFU = "\u0378";
  const byFont = new Map();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!DEVANAGARI.test(node.data) || !node.parentElement) continue;
    const style = getComputedStyle(node.parentElement);
    const font = `${style.fontStyle} ${style.fontWeight} 32px ${style.fontFamily}`;
    if (!byFont.has(font)) byFont.set(font, new Set());
    for (const ch of node.data) if (DEVANAGARI.test(ch)) byFont.get(font).add(ch);
  }
  const canvas = document.createElement("canvas");
  canvas.width = 96; canvas.height = 64;
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  const picture = (font, text) => {
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.font = font;
    ctx.fillText(text, 24, 44);
    const alpha = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let hash = 2166136261, ink = 0;
    for (let i = 3; i < alpha.length; i += 4) {
      hash = Math.imul(hash ^ alpha[i], 16777619);
      ink += alpha[i] > 0;
    }
    return `${hash >>> 0}:${ink}`;
  };
  const fonts = [];
  for (const [font, chars] of byFont) {
    const tofu = picture(font, TOFU);
    const pictures = new Map([...chars].map((ch) => [ch, picture(font, ch)]));
    const asTofu = [...pictures].filter(([, p]) => p === tofu).map(([ch]) => ch);
    const distinct = new Set(pictures.values()).size;
    fonts.push({ font, chars: chars.size, distinct, asTofu: asTofu.join(" ") });
  }
  return fonts;
}
