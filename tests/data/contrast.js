// WCAG 2 contrast of every visible text element against its effective background.
// Returns the elements below 4.5:1 (3:1 for large text). Used by tests/test_browser_dashboard.py.
() => {
  function rgb(text) { return (text.match(/[\d.]+/g) || []).map(Number); }
  function luminance([r, g, b]) {
    const c = [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }
  function background(element) {
    for (let node = element; node; node = node.parentElement) {
      const colour = rgb(getComputedStyle(node).backgroundColor);
      if (colour.length === 3 || (colour.length === 4 && colour[3] > 0)) { return colour.slice(0, 3); }
    }
    return [255, 255, 255];
  }
  const failures = [];
  for (const element of document.querySelectorAll("body *")) {
    const own = Array.from(element.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own || !element.getClientRects().length) { continue; }
    const style = getComputedStyle(element);
    if (style.visibility === "hidden" || element.closest("svg, .visually-hidden, .skip")) { continue; }
    const fg = luminance(rgb(style.color)), bg = luminance(background(element));
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
    const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    if (ratio < needed) { failures.push(element.tagName + "." + element.className + " " + ratio.toFixed(2)); }
  }
  return failures;
}
