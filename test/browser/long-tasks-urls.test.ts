/**
 * Valid URLs with the largest sizes never freeze the page: every task the browser runs stays under
 * 200 ms (Long Tasks API) while the widget works, and the widget finishes.
 */
import { describe, expect, it } from 'vitest';
import { baseUrl, browserSession, openPage } from './harness.ts';

const LIMIT_MS = 200;
const session = browserSession({ viewport: { width: 1200, height: 800 } });

async function longTasksWhile(path: string, kind: string, done: string, timeout: number) {
  const rec = await openPage(session.context);
  await rec.page.addInitScript(() => {
    (window as unknown as { __long: number[] }).__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) (window as unknown as { __long: number[] }).__long.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await rec.page.goto(baseUrl() + path);
  const widget = rec.page.locator(`[data-widget="${kind}"]`);
  await widget.scrollIntoViewIfNeeded();
  await rec.page.waitForSelector(`[data-widget="${kind}"][data-state="ready"]`, { timeout: 90_000 });
  // Tasks before the widget starts (page load, loading tfjs and wasm) are not the widget's work.
  await rec.page.evaluate(() => ((window as unknown as { __long: number[] }).__long.length = 0));
  await rec.page.waitForSelector(`[data-widget="${kind}"] ${done}`, { timeout });
  const long = await rec.page.evaluate(() => (window as unknown as { __long: number[] }).__long);
  expect(rec.pageErrors).toEqual([]);
  await rec.page.close();
  return long;
}

describe('heavy but valid URLs', () => {
  it(`toy-lab sampler with sampler.n=20000: no task over ${LIMIT_MS} ms, and the readout says the MMD used a subset`, async () => {
    const long = await longTasksWhile('/en/toy-lab/?sampler.n=20000', 'lab-sampler', '[data-readout]', 240_000);
    expect(long.filter((d) => d > LIMIT_MS)).toEqual([]);
  }, 300_000);

  it(`pipeline with 256 items × 1000 steps of the memorising denoiser: no task over ${LIMIT_MS} ms`, async () => {
    const long = await longTasksWhile('/en/ddim-pipeline/?pipe.batch=256&pipe.steps=1000&pipe.denoiser=empirical&pipe.eta=1', 'ddim-pipeline', '[data-transform-table]', 240_000);
    expect(long.filter((d) => d > LIMIT_MS)).toEqual([]);
  }, 300_000);

  for (const query of ['?checks.steps=1000&checks.n=5000', '?checks.t=999&checks.jump=1000']) {
    it(`experiments checks with ${query}: no task over ${LIMIT_MS} ms`, async () => {
      const long = await longTasksWhile(`/en/experiments/${query}`, 'lab-checks', '[data-output] table', 400_000);
      expect(long.filter((d) => d > LIMIT_MS)).toEqual([]);
    }, 500_000);
  }
});
