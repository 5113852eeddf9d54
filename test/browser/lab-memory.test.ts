/**
 * tfjs memory and backend parity in the real page: after 100 sampling runs and one training run
 * tf.memory().numTensors is back to its baseline; the same seeded run gives the same samples on
 * webgl, wasm and cpu within float32 tolerance, and agrees with the float64 reference in src/core.
 * Training shows progress and a loss curve, can be paused and cancelled, and keeps the page responsive.
 */
import { describe, expect, it } from 'vitest';
import { baseUrl, browserSession, numberAttr, openPage, quiesce, timerFires } from './harness.ts';
import { commit, ready } from './lab-helpers.ts';

const session = browserSession({ viewport: { width: 1200, height: 900 } });

describe('tfjs memory', () => {
  it('returns to its baseline after 100 sampling runs and one training run', { timeout: 1_800_000 }, async () => {
    const rec = await openPage(session.context);
    const { page } = rec;
    await page.goto(`${baseUrl()}/en/toy-lab/?sampler.n=40&sampler.steps=4&sampler.denoiser=mlp&train.steps=30&train.batch=64`);
    const sampler = await ready(page, 'lab-sampler', '[data-completed]');
    const baseline = await numberAttr(sampler, 'data-num-tensors');
    for (let k = 0; k < 100; k++) {
      const done = (await numberAttr(sampler, 'data-completed'));
      // Alternate denoisers so both the exact and the MLP paths are exercised.
      if (k % 25 === 0) await sampler.locator('[data-param="denoiser"]').selectOption(k % 50 === 0 ? 'exact' : 'mlp');
      else await commit(sampler, 'seed', String(1000 + k));
      await page.waitForFunction((d) => Number(document.querySelector<HTMLElement>('[data-widget="lab-sampler"]')!.dataset.completed) > d, done, { timeout: 300_000 });
    }
    expect((await numberAttr(sampler, 'data-completed'))).toBeGreaterThanOrEqual(101);
    expect((await numberAttr(sampler, 'data-num-tensors'))).toBe(baseline);

    const train = await ready(page, 'lab-train', '');
    await train.locator('[data-action="train"]').click();
    await page.waitForSelector('[data-widget="lab-train"][data-training="idle"][data-sw2]', { timeout: 600_000 });
    // The finished model replaces the pretrained one in the sampler, which re-runs by itself; once
    // that run (which overlaps the trainer's own quality check) is over, memory is at the baseline.
    await page.waitForFunction(() => document.querySelector('[data-widget="lab-sampler"] [data-readout]')?.textContent?.includes('MLP trained in this page'), null, { timeout: 300_000 });
    const after = (await numberAttr(sampler, 'data-completed'));
    await commit(sampler, 'seed', '7');
    await page.waitForFunction((d) => Number(document.querySelector<HTMLElement>('[data-widget="lab-sampler"]')!.dataset.completed) > d, after, { timeout: 300_000 });
    expect((await numberAttr(sampler, 'data-num-tensors'))).toBe(baseline);
    expect(baseline).toBe(0);
    expect(rec.pageErrors).toEqual([]);
  });
});

describe('training in the page', () => {
  it('shows progress and the loss curve, pauses, resumes and cancels while the page stays responsive', { timeout: 900_000 }, async () => {
    const rec = await openPage(session.context);
    const { page } = rec;
    await page.goto(`${baseUrl()}/zh/toy-lab/?train.steps=3000&train.batch=128`);
    const train = await ready(page, 'lab-train', '');
    await train.locator('[data-action="train"]').click();
    await page.waitForFunction(() => Number(document.querySelector<HTMLProgressElement>('[data-widget="lab-train"] progress')!.value) >= 30, null, { timeout: 300_000 });
    expect(await train.locator('[data-panel="loss"] svg').count()).toBeGreaterThan(0);
    // Responsive: a timer scheduled now fires while training is still running (a state, not a speed).
    await timerFires(page);
    expect(await train.getAttribute('data-training')).toBe('running');
    await train.locator('[data-action="pause"]').click();
    await page.waitForSelector('[data-widget="lab-train"][data-training="paused"]');
    const frozen = await train.locator('progress').evaluate((p: HTMLProgressElement) => p.value);
    // Thirty frames later (a training step yields once per frame) nothing has moved.
    await quiesce(page, 30);
    expect(await train.locator('progress').evaluate((p: HTMLProgressElement) => p.value)).toBeLessThanOrEqual(frozen + 1);
    expect(await train.locator('[data-action="pause"]').innerText()).toBe('继续');
    await train.locator('[data-action="pause"]').click();
    await page.waitForFunction((f) => Number(document.querySelector<HTMLProgressElement>('[data-widget="lab-train"] progress')!.value) > f + 5, frozen, { timeout: 300_000 });
    await train.locator('[data-action="cancel"]').click();
    await page.waitForSelector('[data-widget="lab-train"][data-training="idle"]');
    expect(await train.locator('[data-progress]').innerText()).toMatch(/已在第 \d+ 步取消/);
    expect(await train.getAttribute('data-num-tensors')).toBe('0');
    expect(rec.pageErrors).toEqual([]);
  });
});

describe('backend parity', () => {
  it('webgl, wasm and cpu give the same samples within float32 tolerance, and the float64 reference agrees', { timeout: 900_000 }, async () => {
    const rec = await openPage(session.context);
    const { page } = rec;
    await page.goto(`${baseUrl()}/en/experiments/?checks.n=200&checks.steps=10`);
    const checks = await ready(page, 'lab-checks');
    await checks.locator('[data-action="parity"]').click();
    await page.waitForSelector('[data-widget="lab-checks"][data-parity-done]', { timeout: 600_000 });
    for (const backend of ['webgl', 'wasm', 'cpu']) {
      // Samples are O(1); float32 arithmetic over 20 steps stays within 1e-4 of the float64 reference.
      expect(await numberAttr(checks, `data-parity-${backend}`)).toBeLessThan(1e-4);
    }
    const text = await checks.locator('[data-parity]').innerText();
    expect(text).toContain('webgl');
    expect(text).not.toContain('NaN');
    expect(rec.pageErrors).toEqual([]);
  });
});
