/**
 * Looking at a page as a reader does, for the gate tests: bring every island to life (scroll each
 * into view and wait until it says it is ready), run axe-core, and measure overflow and plot marks.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Islands on a page: widgets (data-state), exercise sections (data-mounted). */
const ISLANDS = '[data-widget], [data-exercises]';

export interface MountReport {
  islands: number;
  failed: string[];
}

/**
 * Scroll every island into view, in page order, and wait until each is mounted: a widget reaches
 * data-state "ready" (or "failed", reported), an exercise section data-mounted. Widgets mount
 * their heavy half only near the viewport, so without this a page check sees none of them.
 */
export async function mountIslands(page: Page, { timeout = 180_000 } = {}): Promise<MountReport> {
  const islands = page.locator(ISLANDS);
  const count = await islands.count();
  const failed: string[] = [];
  for (let i = 0; i < count; i++) {
    const island = islands.nth(i);
    // An island the page hides on purpose (the set page before a set is chosen) is not there to mount.
    if (await island.evaluate((el) => el.closest('[hidden]') !== null)) continue;
    await island.scrollIntoViewIfNeeded();
    const state = await island.evaluate(
      (el, limit) =>
        new Promise<string>((resolve, reject) => {
          const done = () => {
            const e = el as HTMLElement;
            if (e.matches('[data-exercises]')) return e.dataset.mounted === 'true' ? 'ready' : null;
            return e.dataset.state === 'ready' || e.dataset.state === 'failed' ? e.dataset.state : null;
          };
          const now = done();
          if (now) return resolve(now);
          const observer = new MutationObserver(() => {
            const s = done();
            if (s) {
              observer.disconnect();
              clearTimeout(timer);
              resolve(s);
            }
          });
          const timer = setTimeout(() => {
            observer.disconnect();
            reject(new Error(`island ${(el as HTMLElement).dataset.widget ?? 'exercises'} did not mount`));
          }, limit);
          observer.observe(el, { attributes: true });
        }),
      timeout,
    );
    if (state === 'failed') failed.push(`${await island.getAttribute('data-widget')}: ${await island.locator('[data-status]').first().innerText()}`);
  }
  return { islands: count, failed };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * axe-core's WCAG 2.1 A/AA rules and best practices on the page as it is now. KaTeX's output is
 * left out: its visual half is aria-hidden and takes its colour from the surrounding text (checked
 * there), its MathML half has no axe rules, and together they are most of a chapter's elements.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // page.evaluate runs through the DevTools protocol, so the page's CSP does not apply to it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run({ exclude: [['.katex']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] });
  });
  return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

/**
 * What a reader would see cut off or pushed sideways, at the current viewport:
 * - the page itself scrolling sideways;
 * - an element reaching past an ancestor that clips it (overflow hidden/clip), so part of it is cut;
 * - when `scrollers` is false (a desktop width), a scroll box whose content does not fit, so part
 *   of it is hidden until scrolled (code listings and display equations excepted: long source
 *   lines and equations scroll by design).
 * KaTeX's internals, SVG content and visually hidden text are left out (they clip by design).
 */
export async function overflowing(page: Page, { scrollers }: { scrollers: boolean }): Promise<string[]> {
  return page.evaluate((allowScroll) => {
    const out: string[] = [];
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].slice(0, 2).join('.')}` : ''}`;
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1) out.push(`the page scrolls sideways by ${doc.scrollWidth - doc.clientWidth} px`);
    const visuallyHidden = (cs: CSSStyleDeclaration) => cs.clip !== 'auto' && cs.clip !== '' ? true : cs.clipPath !== 'none' && cs.position === 'absolute';
    for (const el of document.querySelectorAll('body *')) {
      if (el.closest('.katex, svg, .skip-link, [hidden], script, style, template')) continue;
      const cs = getComputedStyle(el);
      if (cs.display === 'none' || cs.visibility === 'hidden' || visuallyHidden(cs)) continue;
      const r = el.getBoundingClientRect();
      if (r.width < 1 || r.height < 1) continue;
      // A scroll box whose content does not fit, at a width where everything should.
      if (!allowScroll && (cs.overflowX === 'auto' || cs.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1 && !el.matches('.katex-display, pre')) {
        out.push(`${name(el)} hides ${el.scrollWidth - el.clientWidth} px of its content behind a scroll bar`);
      }
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const pcs = getComputedStyle(p);
        if (pcs.overflowX === 'visible' && pcs.overflowY === 'visible') continue;
        if (pcs.overflowX === 'hidden' || pcs.overflowX === 'clip') {
          const b = p.getBoundingClientRect();
          if (r.right > b.right + 1 || r.left < b.left - 1) out.push(`${name(el)} is cut off by ${name(p)} (${Math.round(Math.max(r.right - b.right, b.left - r.left))} px)`);
        }
        break;
      }
    }
    return [...new Set(out)].slice(0, 20);
  }, scrollers);
}

/**
 * Plot marks drawn outside their frame: in every Observable Plot figure, each mark group must be
 * clipped to the frame (Plot's clip-path, or a nested <svg>) or lie inside the plot's frame box.
 */
export async function marksOutsideFrames(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const svg of document.querySelectorAll<SVGSVGElement>('svg[class^="plot"], svg[class*=" plot"]')) {
      const figure = svg.closest('[data-panel], figure, [data-widget]');
      const where = (figure as HTMLElement | null)?.dataset.panel ?? (figure as HTMLElement | null)?.dataset.widget ?? 'plot';
      // The frame: the x and y scales' pixel ranges (Plot's svg.scale()), in page coordinates.
      const box = svg.getBoundingClientRect();
      const plot = svg as SVGSVGElement & { scale?(name: string): { range?: number[] } | undefined };
      const vb = svg.viewBox.baseVal;
      const k = vb && vb.width ? box.width / vb.width : 1;
      const xr = plot.scale?.('x')?.range;
      const yr = plot.scale?.('y')?.range;
      const facets = plot.scale?.('fx') !== undefined || plot.scale?.('fy') !== undefined;
      const frame = xr && yr && !facets
        ? { left: box.left + k * Math.min(...xr), right: box.left + k * Math.max(...xr), top: box.top + k * Math.min(...yr), bottom: box.top + k * Math.max(...yr) }
        : box;
      const slack = 4; // a dot's radius or a line's width may reach over the edge
      for (const g of svg.querySelectorAll<SVGGElement>(':scope > g[data-mark], :scope > g[aria-label], :scope > svg')) {
        const label = g.getAttribute('data-mark') ?? g.getAttribute('aria-label') ?? 'mark';
        if (/axis|tick|grid|frame|legend|text|rule/.test(label)) continue;
        const clipped = g.hasAttribute('clip-path') || g.tagName.toLowerCase() === 'svg' || [...g.children].every((c) => c.hasAttribute('clip-path') || c.tagName.toLowerCase() === 'svg');
        if (clipped) continue;
        const r = g.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (r.left < frame.left - slack || r.right > frame.right + slack || r.top < frame.top - slack || r.bottom > frame.bottom + slack) out.push(`${where}: ${label} is drawn outside its frame`);
      }
    }
    return [...new Set(out)];
  });
}

/** A script is set at most this fraction of its formula's size (KaTeX: 0.7 for scripts, 0.5 for scriptscripts). */
export const MAX_SCRIPT_RATIO = 0.85;

/**
 * Math as a reader sees it: sub- and superscripts smaller than the formula they belong to, and an
 * inline formula never broken across lines unless it is wider than its column (then only at
 * KaTeX's own break points). Both fail when the KaTeX that rendered the HTML is not the one whose
 * CSS ships. Runs in the page (pass it to page.evaluate with MAX_SCRIPT_RATIO).
 */
export interface MathReport {
  formulas: number;
  scripts: number;
  bigScripts: string[];
  wrapped: string[];
}

export function measureMath(maxRatio: number): MathReport {
  for (const d of document.querySelectorAll('details')) d.open = true;
  const tex = (el: Element) => el.closest('.katex')?.querySelector('annotation')?.textContent ?? '?';
  const report: MathReport = { formulas: 0, scripts: 0, bigScripts: [], wrapped: [] };
  for (const script of document.querySelectorAll('.msupsub [class*="reset-size"]')) {
    const box = script.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    const base = parseFloat(getComputedStyle(script.closest('.katex')!).fontSize);
    report.scripts++;
    if (parseFloat(getComputedStyle(script).fontSize) > maxRatio * base) report.bigScripts.push(tex(script));
  }
  for (const k of document.querySelectorAll('.katex')) {
    if (k.closest('.katex-display')) continue;
    const box = k.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    report.formulas++;
    // Line boxes: the top-level .katex-base boxes grouped by vertical overlap.
    const bases = [...k.querySelectorAll('.katex-html > .katex-base')].map((b) => b.getBoundingClientRect()).sort((a, b) => a.top - b.top);
    let lines = 0;
    let bottom = -Infinity;
    for (const r of bases) {
      if (r.top >= bottom - 1) {
        lines++;
        bottom = r.bottom;
      } else bottom = Math.max(bottom, r.bottom);
    }
    if (lines < 2) continue;
    let block = k.parentElement!;
    while (getComputedStyle(block).display.startsWith('inline')) block = block.parentElement!;
    const cs = getComputedStyle(block);
    const column = block.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
    if (box.width < column - 2) report.wrapped.push(tex(k));
  }
  return report;
}


/** Visible, enabled controls a keyboard user should reach with Tab (tabindex ≥ 0). */
const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex], [contenteditable="true"]';

export interface TabWalk {
  controls: number;
  reached: number;
  missed: string[];
}

/**
 * Press Tab from the top of the page until focus has visited every control (or comes round
 * again), leaving code editors with Escape as their help text says. Returns the visible, enabled
 * controls Tab never reached.
 */
export async function tabWalk(page: Page): Promise<TabWalk> {
  const controls = await page.evaluate((selector) => {
    const w = window as unknown as { __tabbed: Set<Element> };
    w.__tabbed = new Set();
    document.addEventListener('focusin', (e) => w.__tabbed.add(e.target as Element), true);
    const list = [...document.querySelectorAll<HTMLElement>(selector)].filter((el) => {
      if (el.tabIndex < 0 || (el as HTMLButtonElement).disabled || el.closest('[inert], [hidden]')) return false;
      if (el instanceof HTMLInputElement && el.type === 'hidden') return false;
      const box = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      return box.width > 0 && box.height > 0 && cs.visibility !== 'hidden';
    });
    list.forEach((el, i) => (el.dataset.tabIndexProbe = String(i)));
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
    return list.length;
  }, FOCUSABLE);
  for (let i = 0; i < controls * 1.5 + 10; i++) {
    await page.keyboard.press('Tab');
    const where = await page.evaluate(() => {
      const a = document.activeElement;
      const all = document.querySelectorAll('[data-tab-index-probe]').length;
      const seen = [...(window as unknown as { __tabbed: Set<Element> }).__tabbed].filter((e) => (e as HTMLElement).dataset?.tabIndexProbe !== undefined).length;
      return { editor: Boolean(a?.closest('.cm-editor')), done: seen >= all };
    });
    if (where.done) break;
    if (where.editor) await page.keyboard.press('Escape');
  }
  return page.evaluate(() => {
    const tabbed = (window as unknown as { __tabbed: Set<Element> }).__tabbed;
    const probes = [...document.querySelectorAll<HTMLElement>('[data-tab-index-probe]')];
    // A code editor counts as reached when focus entered it.
    // A radio group is one Tab stop (the arrow keys move within it): reached when any of it is.
    const radioReached = (el: HTMLElement) =>
      el instanceof HTMLInputElement && el.type === 'radio' && [...tabbed].some((t) => t instanceof HTMLInputElement && t.type === 'radio' && t.name === el.name && t.form === el.form);
    // A code editor's textarea is replaced by the editor once focused: reached when focus entered its box.
    const editorReached = (el: HTMLElement) => {
      const box = el.closest('[data-editor]');
      return box !== null && [...tabbed].some((t) => box.contains(t));
    };
    const reachedEl = (el: HTMLElement) => tabbed.has(el) || [...tabbed].some((t) => el.contains(t)) || radioReached(el) || editorReached(el);
    const missed = probes
      .filter((el) => !reachedEl(el))
      .map((el) => `${el.tagName.toLowerCase()}${el instanceof HTMLInputElement ? `[type=${el.type}]` : ''}${el.id ? `#${el.id}` : ''} “${(el.getAttribute('aria-label') ?? el.textContent ?? el.closest('label')?.textContent ?? '').trim().slice(0, 40)}”`);
    for (const el of probes) delete el.dataset.tabIndexProbe;
    return { controls: probes.length, reached: probes.length - missed.length, missed: missed.slice(0, 20) };
  });
}

/**
 * Each widget's first slider, moved with the arrow keys: the slider's value changes, its text box
 * follows, and the widget's state reaches the URL. Returns the widgets where that did not happen.
 */
export async function slidersByKeyboard(page: Page): Promise<{ widgets: number; failed: string[] }> {
  const sliders = page.locator('[data-widget] [data-param-slider]:visible');
  const widgets = await page.locator('[data-widget]').evaluateAll((roots) =>
    roots.map((r) => r.querySelector('[data-param-slider]') && (r as HTMLElement).dataset.widget).filter(Boolean) as string[],
  );
  const failed: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < (await sliders.count()); i++) {
    const slider = sliders.nth(i);
    const kind = await slider.evaluate((el) => el.closest<HTMLElement>('[data-widget]')!.dataset.widget!);
    const prefix = await slider.evaluate((el) => el.closest<HTMLElement>('[data-widget]')!.dataset.prefix!);
    if (seen.has(kind)) continue;
    seen.add(kind);
    const name = (await slider.getAttribute('data-param-slider'))!;
    const before = await slider.inputValue();
    const atMax = await slider.evaluate((el) => Number((el as HTMLInputElement).value) >= Number((el as HTMLInputElement).max));
    await slider.focus();
    await page.keyboard.press(atMax ? 'ArrowLeft' : 'ArrowRight');
    const after = await slider.inputValue();
    const text = await page.locator(`[data-widget="${kind}"] [data-param="${name}"]`).first().inputValue();
    const inUrl = new URL(page.url()).searchParams.get(`${prefix}.${name}`);
    if (after === before || Number(text) !== Number(after) || inUrl === null) failed.push(`${kind}.${name}: ${before} → ${after}, text ${text}, URL ${inUrl}`);
  }
  return { widgets: widgets.length, failed };
}
