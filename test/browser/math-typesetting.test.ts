/**
 * Math as a reader sees it, on every built page in both languages, at a phone and a desktop width:
 * sub- and superscripts are smaller than the formula they belong to, and an inline formula is
 * never broken across lines unless it is wider than its column (then only at KaTeX's own break
 * points). Both fail when the KaTeX that rendered the HTML is not the one whose CSS ships.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { baseUrl, browserSession, builtPages, openPage } from './harness.ts';

const session = browserSession();
const WIDTHS = [390, 1280];
/** A script is set at most this fraction of its formula's size (KaTeX: 0.7 for scripts, 0.5 for scriptscripts). */
const MAX_SCRIPT_RATIO = 0.85;

interface MathReport {
  formulas: number;
  scripts: number;
  bigScripts: string[];
  wrapped: string[];
}

/** Runs in the page: measures every visible formula (closed <details> are opened first). */
function measureMath(maxRatio: number): MathReport {
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

/** Pages whose build holds math: every chapter and every chapter's exercise page. */
const mathPages = builtPages().filter((p) => readFileSync(`dist${p}index.html`, 'utf8').includes('class="katex"'));

describe('pages with math', () => {
  it('include every chapter in both languages', () => {
    expect(mathPages.length).toBeGreaterThanOrEqual(32);
  });
});

describe.each(mathPages)('math on %s', (path) => {
  it(`at ${WIDTHS.join(' and ')} px: scripts are smaller than their base, inline formulas do not wrap`, async () => {
    const rec = await openPage(session.context);
    try {
      await rec.page.goto(baseUrl() + path);
      await rec.page.evaluate(() => document.fonts.ready);
      for (const width of WIDTHS) {
        await rec.page.setViewportSize({ width, height: 900 });
        const report = await rec.page.evaluate(measureMath, MAX_SCRIPT_RATIO);
        expect(report.formulas, `no inline formula measured at ${width} px`).toBeGreaterThan(0);
        expect(report.bigScripts, `at ${width} px`).toEqual([]);
        expect(report.wrapped, `at ${width} px`).toEqual([]);
      }
    } finally {
      await rec.page.close();
    }
  });
});
