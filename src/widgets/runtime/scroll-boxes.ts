/**
 * A box that scrolls (a wide display equation or table on a phone, a long schedule table) can be
 * scrolled from the keyboard: while its content does not fit, the box joins the Tab order
 * (tabindex 0), so a focused box scrolls with the arrow keys (WCAG 2.1.1; axe's
 * scrollable-region-focusable). A box that fits stays out of the Tab order. Widgets add tables after
 * the page loads and the viewport changes, so boxes are checked again on both.
 */

/** Every kind of box the site's CSS lets scroll (overflow auto), by its selector. */
export const SCROLL_BOXES = [
  '.katex-display',
  'pre',
  'table',
  '.ex-caret',
  '.ex-table-wrap',
  '.lab-table-scroll',
  '.claim-coverage-table',
  '.sched-table-wrap',
].join(', ');

const SCROLLS = /^(auto|scroll)$/;

function needsFocus(el: HTMLElement): boolean {
  const cs = getComputedStyle(el);
  return (SCROLLS.test(cs.overflowX) && el.scrollWidth > el.clientWidth + 1) || (SCROLLS.test(cs.overflowY) && el.scrollHeight > el.clientHeight + 1);
}

/** Adds tabindex 0 to the boxes under `root` that scroll, and takes it back from those this module marked that no longer do. */
export function markScrollBoxes(root: ParentNode = document): void {
  const boxes = [...root.querySelectorAll<HTMLElement>(SCROLL_BOXES)];
  // Measure everything first, then write: one layout, not one per box.
  const verdicts = boxes.map(needsFocus);
  boxes.forEach((el, i) => {
    const marked = el.dataset.scrollBox !== undefined;
    if (verdicts[i] && !marked && !el.hasAttribute('tabindex')) {
      el.tabIndex = 0;
      el.dataset.scrollBox = '';
    } else if (!verdicts[i] && marked) {
      el.removeAttribute('tabindex');
      delete el.dataset.scrollBox;
    }
  });
}

/** Marks the page's scroll boxes now, after every resize, and whenever a box is added. */
export function watchScrollBoxes(): void {
  let queued = false;
  const schedule = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      markScrollBoxes();
    });
  };
  schedule();
  addEventListener('resize', schedule);
  const addsBox = (n: Node) => n instanceof Element && (n.matches(SCROLL_BOXES) || n.querySelector(SCROLL_BOXES) !== null);
  new MutationObserver((records) => {
    if (records.some((r) => [...r.addedNodes].some(addsBox))) schedule();
  }).observe(document.body, { childList: true, subtree: true });
}
