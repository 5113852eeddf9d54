/**
 * Every built page, in both languages, as a reader sees and uses it, after every island on it has
 * mounted:
 * - at 390 px and 1280 px: nothing overflows or is cut off, no plot mark leaves its frame, math
 *   scripts are smaller than their base and inline formulas do not wrap;
 * - every control is reached with Tab, and each widget's first slider moves with the arrow keys;
 * - axe-core finds no violation, in the light theme and in the dark one (colour contrast included:
 *   4.5:1 for text, 3:1 for large text), at 1280 px, and in the light theme at 390 px too.
 * The run prints the number of pages × themes audited.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { baseUrl, browserSession, builtPages, openPage } from './harness.ts';
import { axeViolations, marksOutsideFrames, MAX_SCRIPT_RATIO, measureMath, mountIslands, overflowing, slidersByKeyboard, tabWalk } from './reader.ts';

const session = browserSession({ viewport: { width: 390, height: 844 } });
const pages = builtPages();
const audited = { pages: 0, themes: 0, violations: 0, controls: 0, sliders: 0 };

afterAll(() => {
  console.log(`reader gates: ${audited.pages} pages × (light and dark at 1280 px, light at 390 px) = ${audited.themes} axe audits, ${audited.violations} violations; ${audited.controls} controls reached by Tab; ${audited.sliders} widget sliders moved with the arrow keys`);
});

describe.each(pages)('%s as a reader sees it', (path) => {
  it('mounts every island; fits 390 and 1280 px; reachable by keyboard; no axe violation in light or dark', { timeout: 600_000 }, async () => {
    const rec = await openPage(session.context);
    const { page } = rec;
    try {
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(baseUrl() + path);
      const mounted = await mountIslands(page);
      expect(mounted.failed, 'islands that failed to start').toEqual([]);
      await page.evaluate(() => document.fonts.ready);

      for (const width of [390, 1280]) {
        if (width !== 390) await page.setViewportSize({ width, height: 900 });
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        expect(await overflowing(page, { scrollers: width < 600 }), `overflow at ${width} px`).toEqual([]);
        expect(await marksOutsideFrames(page), `plot marks at ${width} px`).toEqual([]);
        const math = await page.evaluate(measureMath, MAX_SCRIPT_RATIO);
        expect(math.bigScripts, `scripts at ${width} px`).toEqual([]);
        expect(math.wrapped, `wrapped inline formulas at ${width} px`).toEqual([]);
      }

      const walk = await tabWalk(page);
      expect(walk.missed, 'controls Tab never reached').toEqual([]);
      audited.controls += walk.reached;
      const sliders = await slidersByKeyboard(page);
      expect(sliders.failed, 'sliders the arrow keys did not move').toEqual([]);
      audited.sliders += sliders.widgets;

      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        const violations = await axeViolations(page);
        audited.themes++;
        audited.violations += violations.length;
        expect(violations, `axe, ${colorScheme} theme`).toEqual([]);
      }
      // A phone's width brings its own failures (a code box that scrolls sideways, say).
      await page.setViewportSize({ width: 390, height: 844 });
      await page.emulateMedia({ colorScheme: 'light' });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const narrow = await axeViolations(page);
      audited.themes++;
      audited.violations += narrow.length;
      expect(narrow, 'axe, light theme at 390 px').toEqual([]);
      audited.pages++;
      expect(rec.pageErrors).toEqual([]);
      expect(rec.consoleErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
