/**
 * Widgets never freeze the page: while a widget works, no main-thread task runs longer than
 * 200 ms (Long Tasks API). Measured on the speed widget at `npm run bench -- --quick` sizes
 * (N = 2,000, 20 steps), which also shows its progress and can be cancelled.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, browserSession, openPage } from './harness.ts';

const session = browserSession({ viewport: { width: 1280, height: 900 } });
const LONG_TASK_MS = 200;
const QUICK = 'bench.n=2000&bench.steps=20';

/** Start recording long tasks in the page from now on. */
async function recordLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask' });
  });
}
const longTasks = (page: Page) => page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);

async function openBench(lang = 'en') {
  const rec = await openPage(session.context);
  await rec.page.goto(`${baseUrl()}/${lang}/experiments/?${QUICK}`);
  const bench = rec.page.locator('[data-widget="lab-bench"]');
  await bench.scrollIntoViewIfNeeded();
  await rec.page.waitForSelector('[data-widget="lab-bench"][data-state="ready"]', { timeout: 120_000 });
  return { rec, bench };
}

describe('the speed widget', () => {
  it(`runs at quick sizes with no main-thread task over ${LONG_TASK_MS} ms, showing each phase`, async () => {
    const { rec, bench } = await openBench();
    try {
      await recordLongTasks(rec.page);
      const phases = new Set<string>();
      await bench.locator('[data-action="run"]').click();
      expect(await bench.locator('[data-action="cancel"]').isVisible()).toBe(true);
      // Progress shows while it runs; collect the phase lines until it is done.
      while ((await bench.getAttribute('data-bench-state')) === 'running') {
        phases.add((await bench.locator('.widget-readout').first().innerText()).replace(/ on \w+/, ''));
        await rec.page.waitForFunction((prev) => {
          const root = document.querySelector<HTMLElement>('[data-widget="lab-bench"]')!;
          return root.dataset.benchState !== 'running' || root.querySelector('.widget-readout')!.textContent !== prev;
        }, await bench.locator('.widget-readout').first().innerText(), { timeout: 300_000 });
      }
      expect(await bench.getAttribute('data-bench-state')).toBe('done');
      const row = JSON.parse((await bench.getAttribute('data-bench-row'))!);
      expect(row).toMatchObject({ n: 2000, steps: 20 });
      for (const key of ['gmmSeconds', 'gmmBaselineSeconds', 'mlpSeconds', 'mlpBaselineSeconds', 'trainPerSecond', 'trainBaselinePerSecond']) expect(row[key]).toBeGreaterThan(0);
      expect([...phases].some((p) => /^Step \d of 6/.test(p))).toBe(true);
      expect(await bench.locator('table tbody tr').count()).toBe(1);
      expect((await longTasks(rec.page)).filter((d) => d > LONG_TASK_MS)).toEqual([]);
      expect(rec.pageErrors).toEqual([]);
    } finally {
      await rec.page.close();
    }
  });

  it('can be cancelled: the run stops, the page says so and can run again', async () => {
    const { rec, bench } = await openBench();
    try {
      await bench.locator('[data-action="run"]').click();
      await rec.page.waitForFunction(() => /^Step/.test(document.querySelector('[data-widget="lab-bench"] .widget-readout')!.textContent ?? ''));
      await bench.locator('[data-action="cancel"]').click();
      expect(await bench.getAttribute('data-bench-state')).toBe('cancelled');
      expect(await bench.locator('.widget-readout').first().innerText()).toContain('Cancelled');
      expect(await bench.locator('[data-action="cancel"]').isVisible()).toBe(false);
      expect(await bench.locator('[data-action="run"]').isEnabled()).toBe(true);
      expect(await bench.getAttribute('data-bench-row')).toBeNull();
      expect(rec.pageErrors).toEqual([]);
    } finally {
      await rec.page.close();
    }
  });
});
