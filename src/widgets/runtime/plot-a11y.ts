/**
 * Observable Plot labels each mark group with `aria-label` (g elements have no role, where ARIA
 * forbids a label). A plot here is one image: its <svg> gets role="img" (its own aria-label and
 * aria-description stay), and each mark's label moves to `data-mark`, where tests still find it.
 * Works on any DOM (the page's, or linkedom's when a figure is rendered at build time).
 */
const PLOT_SVG = 'svg[class^="plot"], svg[class*=" plot"]';

export function describePlot(svg: Element): void {
  if (!svg.hasAttribute('role')) svg.setAttribute('role', 'img');
  for (const el of svg.querySelectorAll('[aria-label], [aria-description]')) {
    const label = el.getAttribute('aria-label');
    if (label !== null) el.setAttribute('data-mark', label);
    el.removeAttribute('aria-label');
    el.removeAttribute('aria-description');
  }
}

export function describePlots(root: ParentNode): void {
  for (const svg of root.querySelectorAll(PLOT_SVG)) describePlot(svg);
}

/** Keep every plot drawn into `root` described, however and whenever a widget draws it. */
export function watchPlots(root: Element): MutationObserver {
  describePlots(root);
  const observer = new MutationObserver(() => describePlots(root));
  observer.observe(root, { childList: true, subtree: true });
  return observer;
}
