/**
 * Small things a reader saw wrong, each checked as it looks on the built page:
 * - the home page keeps a side margin at 390 and 1280 px, its language switch stays on one line,
 *   and it links to the exercises;
 * - no id is used twice on a page (a widget's id no longer collides with a heading's anchor);
 * - the re-run widget's η slider spans the useful 0–3 (larger values are typed), and a parameter the
 *   chosen check does not read is hidden;
 * - the exercise page's links read "Read the chapter · Your progress", spaced.
 */
import { describe, expect, it } from 'vitest';
import { baseUrl, browserSession, openPage } from './harness.ts';

const session = browserSession({ viewport: { width: 390, height: 844 } });
/** Smallest side margin, in CSS px, between the page edge and the home page's heading. */
const MIN_MARGIN = 12;

describe('home page', () => {
  for (const lang of ['en', 'zh']) {
    it(`/${lang}/ has side margins at 390 and 1280 px, a one-line language switch and a link to the exercises`, async () => {
      const rec = await openPage(session.context);
      const { page } = rec;
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${baseUrl()}/${lang}/`);
        const h1 = await page.locator('h1').first().boundingBox();
        expect(h1!.x, `h1 left edge at ${width} px`).toBeGreaterThanOrEqual(MIN_MARGIN);
        expect(width - (h1!.x + h1!.width), `h1 right margin at ${width} px`).toBeGreaterThanOrEqual(MIN_MARGIN);
        const lines = await page.locator('[data-lang-switch]').evaluate((a) => {
          const range = document.createRange();
          range.selectNodeContents(a);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        });
        expect(lines, `language switch lines at ${width} px`).toBe(1);
      }
      const link = page.locator(`main a[href="/${lang}/exercises/"]`);
      expect(await link.count()).toBeGreaterThan(0);
      expect(await link.first().isVisible()).toBe(true);
      expect(rec.pageErrors).toEqual([]);
      await page.close();
    });
  }
});

describe('ids', () => {
  for (const path of ['/en/experiments/', '/zh/experiments/', '/en/errata/', '/en/toy-lab/']) {
    it(`${path} uses every id once`, async () => {
      const rec = await openPage(session.context);
      await rec.page.goto(baseUrl() + path);
      const repeated = await rec.page.evaluate(() => {
        const seen = new Map<string, number>();
        for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
        return [...seen].filter(([, n]) => n > 1).map(([id, n]) => `${id} ×${n}`);
      });
      expect(repeated).toEqual([]);
      await rec.page.close();
    });
  }
});

describe('re-run widget', () => {
  it('spans η 0–3 on its slider while its box takes up to 100, and hides a parameter the chosen check does not read', async () => {
    const rec = await openPage(session.context);
    const { page } = rec;
    await page.goto(`${baseUrl()}/en/errata/`);
    const w = page.locator('#widget-rerun');
    await w.scrollIntoViewIfNeeded();
    await page.waitForSelector('#widget-rerun[data-state]');
    const slider = w.locator('[data-param-slider="eta"]');
    expect(await slider.getAttribute('min')).toBe('0');
    expect(await slider.getAttribute('max')).toBe('3');
    expect(await w.locator('[data-param="eta"]').getAttribute('data-max')).toBe('100');
    // Every claim the widget offers either reads η (its row shows) or does not (its row is hidden).
    const claims = await w.locator('[data-param="claim"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    let hidden = 0;
    for (const claim of claims) {
      await w.locator('[data-param="claim"]').selectOption(claim);
      if (await w.locator('[data-param-row="eta"]').isHidden()) hidden++;
    }
    expect(hidden, 'claims that do not read η hide its row').toBeGreaterThan(0);
    expect(hidden, 'claims that read η show its row').toBeLessThan(claims.length);
    expect(rec.pageErrors).toEqual([]);
    await page.close();
  });
});

describe('exercise chapter page', () => {
  it('spaces its links: "Read the chapter · Your progress"', async () => {
    const rec = await openPage(session.context);
    await rec.page.goto(`${baseUrl()}/en/exercises/n-step-jump/`);
    const lede = await rec.page.locator('main .lede').innerText();
    expect(lede).toMatch(/\S Read the chapter · Your progress/);
    await rec.page.close();
  });
});
