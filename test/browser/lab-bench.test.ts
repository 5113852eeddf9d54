/**
 * The bench widget of the experiments chapter at the sizes of `npm run bench -- --quick`
 * (N = 2,000 points × 20 DDIM steps): a run on the backend the page picked fills a row of the table
 * and its data attribute, every figure a positive finite number, nothing left in tfjs's memory.
 * Speed itself is measured by `npm run bench` and never asserted here.
 */
import { describe, expect, it } from 'vitest';
import { baseUrl, browserSession, openPage } from './harness.ts';
import { ready } from './lab-helpers.ts';

/** scripts/bench.ts, `--quick`. */
const QUICK = { n: 2000, steps: 20 };

const session = browserSession({ viewport: { width: 1200, height: 900 } });

describe.each(['en', 'zh'])('bench widget in %s', (lang) => {
  it(`runs at the --quick sizes (N = ${QUICK.n}, ${QUICK.steps} steps) and shows a row of results`, { timeout: 1_800_000 }, async () => {
    const rec = await openPage(session.context);
    const { page } = rec;
    await page.goto(`${baseUrl()}/${lang}/experiments/?bench.n=${QUICK.n}&bench.steps=${QUICK.steps}`);
    const bench = await ready(page, 'lab-bench', '');
    expect(await bench.locator('[data-param="n"]').inputValue()).toBe(String(QUICK.n));
    expect(await bench.locator('[data-param="steps"]').inputValue()).toBe(String(QUICK.steps));
    const run = bench.locator('[data-action="run"]');
    expect(await run.isEnabled()).toBe(true);
    await run.click();
    // Ends on a state (done or failed), however long the machine takes.
    await page.waitForFunction(() => ['done', 'failed'].includes(document.querySelector<HTMLElement>('[data-widget="lab-bench"]')!.dataset.benchState ?? ''), null, { timeout: 1_500_000, polling: 500 });
    expect(await bench.getAttribute('data-bench-state')).toBe('done');
    const row = JSON.parse((await bench.getAttribute('data-bench-row'))!) as Record<string, number | string>;
    expect(row.n).toBe(QUICK.n);
    expect(row.steps).toBe(QUICK.steps);
    expect(['webgl', 'wasm', 'cpu']).toContain(row.backend);
    for (const key of ['gmmSeconds', 'gmmBaselineSeconds', 'mlpSeconds', 'mlpBaselineSeconds', 'trainPerSecond', 'trainBaselinePerSecond']) {
      const value = row[key];
      expect(typeof value === 'number' && Number.isFinite(value) && value > 0, `${key} = ${value}`).toBe(true);
    }
    // The table shows that row, on the backend that ran it, for the sizes asked for.
    const table = bench.locator('table');
    expect(await table.locator('tbody tr').count()).toBe(1);
    expect(await table.locator('tbody tr').first().innerText()).toContain(String(row.backend));
    expect(await bench.locator('figure.lab-table-figure figcaption').innerText()).toContain(`N = ${QUICK.n}`);
    expect(await bench.locator('[data-output]').innerText()).not.toContain('NaN');
    expect(await run.isEnabled()).toBe(true);
    expect(rec.pageErrors).toEqual([]);
    expect(rec.consoleErrors).toEqual([]);
  });
});
