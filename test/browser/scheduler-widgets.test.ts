/**
 * The two widgets of the chapter "diffusers' DDIM step, line by line", in a real browser against
 * the build: they load only near the viewport, render, react to parameter changes and to URL
 * presets, and refuse bad values with a message naming the parameter and its range while keeping
 * the previous result. No NaN reaches the screen.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, browserSession, openPage } from './harness.ts';

const EN = '/en/diffusers-ddim-step/';
const ZH = '/zh/diffusers-ddim-step/';

const session = browserSession({ viewport: { width: 1200, height: 800 } });

async function ready(page: Page, kind: string) {
  const widget = page.locator(`[data-widget="${kind}"]`);
  await widget.scrollIntoViewIfNeeded();
  await page.waitForSelector(`[data-widget="${kind}"][data-state="ready"]`, { timeout: 300_000 });
  return widget;
}

async function setText(page: Page, kind: string, param: string, value: string) {
  const input = page.locator(`[data-widget="${kind}"] [data-param="${param}"]`);
  await input.fill(value);
  await input.press('Tab');
}

describe('timestep-spacing visualiser', () => {
  it('stays idle until scrolled near, then draws the default schedule (linspace, N = 10)', async () => {
    const rec = await openPage(session.context);
    await rec.page.goto(baseUrl() + EN, { waitUntil: 'networkidle' });
    const widget = rec.page.locator('[data-widget="timestep-spacing"]');
    expect(await widget.getAttribute('data-state')).toBe('idle');
    await ready(rec.page, 'timestep-spacing');
    const rows = widget.locator('[data-schedule-table] tbody tr');
    await rec.page.waitForFunction(() => document.querySelectorAll('[data-widget="timestep-spacing"] [data-schedule-table] tbody tr').length === 10);
    expect(await rows.first().innerText()).toMatch(/^0\s+999/);
    expect(await widget.locator('[data-readout]').innerText()).toContain('differs from the next entry at 9 of them');
    expect(await widget.locator('svg.sched-axis circle').count()).toBeGreaterThan(10);
    expect(await widget.locator('[data-status]').innerText()).toBe('');
    expect(rec.pageErrors).toEqual([]);
    expect(rec.consoleErrors).toEqual([]);
  });

  it('reacts to a change: trailing with N = 61 has 62 entries ending in −1', async () => {
    const rec = await openPage(session.context);
    await rec.page.goto(baseUrl() + EN);
    const widget = await ready(rec.page, 'timestep-spacing');
    await widget.locator('[data-param="spacing"]').selectOption('trailing');
    await setText(rec.page, 'timestep-spacing', 'n', '61');
    await rec.page.waitForFunction(() => document.querySelectorAll('[data-widget="timestep-spacing"] [data-schedule-table] tbody tr').length === 62);
    const last = widget.locator('[data-schedule-table] tbody tr').last();
    expect(await last.locator('td.t').innerText()).toBe('−1');
    expect(await last.innerText()).toContain('−1 reads ᾱ_{T−1}');
    expect(await widget.locator('[data-extra]').innerText()).toContain('one more than N');
    expect(new URL(rec.page.url()).searchParams.get('tsv.n')).toBe('61');
  });

  it('reads a preset from the URL: linspace N = 7 rounds two halves to even', async () => {
    const rec = await openPage(session.context);
    await rec.page.goto(`${baseUrl()}${EN}?tsv.spacing=linspace&tsv.n=7`);
    const widget = await ready(rec.page, 'timestep-spacing');
    await rec.page.waitForFunction(() => document.querySelectorAll('[data-widget="timestep-spacing"] [data-schedule-table] tbody tr').length === 7);
    const text = await widget.locator('[data-schedule-table]').innerText();
    expect(text).toContain('832.5');
    expect(text.match(/half rounded to even/g)).toHaveLength(2);
  });

  it('refuses bad values naming the parameter and range, keeping the previous schedule', async () => {
    const rec = await openPage(session.context);
    await rec.page.goto(baseUrl() + EN);
    const widget = await ready(rec.page, 'timestep-spacing');
    await rec.page.waitForFunction(() => document.querySelectorAll('[data-widget="timestep-spacing"] [data-schedule-table] tbody tr').length === 10);
    const before = await widget.locator('[data-schedule-table]').innerText();
    await setText(rec.page, 'timestep-spacing', 'n', '0');
    const error = widget.locator('[data-param-error="n"]');
    expect(await error.innerText()).toContain('Inference steps N must be a whole number from 1 to 1000; got 0. The previous value, 10, is kept.');
    // A value inside the declared range but above T: the rule N ≤ T, said under the N field itself.
    await setText(rec.page, 'timestep-spacing', 'T', '100');
    await setText(rec.page, 'timestep-spacing', 'n', '500');
    await rec.page.waitForFunction(() => document.querySelector('[data-widget="timestep-spacing"] [data-param-error="n"]')?.textContent?.includes('T = 100'));
    expect(await error.innerText()).toBe('N must be at most T = 100; got N = 500. The previous value, 10, is kept.');
    // The message sits right under its field, not below the table.
    const field = (await widget.locator('[data-param="n"]').boundingBox())!;
    const message = (await error.boundingBox())!;
    expect(message.y - (field.y + field.height)).toBeLessThan(80);
    expect(await widget.locator('[data-schedule-table] tbody tr').count()).toBe(10);
    expect(await widget.locator('[data-schedule-table]').innerText()).not.toBe(before); // T changed to 100 first
    await setText(rec.page, 'timestep-spacing', 'n', '50');
    await rec.page.waitForFunction(() => document.querySelectorAll('[data-widget="timestep-spacing"] [data-schedule-table] tbody tr').length === 50);
    expect(await error.isVisible()).toBe(false);
  });
});

describe('step inspector', () => {
  const scalar = (page: Page, row: number) => page.locator('[data-widget="step-inspector"] [data-scalars] tr').nth(row).locator('td');

  it('runs one step of the scheduler and shows every term (default: k = 5, t = 400)', async () => {
    const rec = await openPage(session.context);
    await rec.page.goto(baseUrl() + EN);
    const widget = await ready(rec.page, 'step-inspector');
    await rec.page.waitForSelector('[data-widget="step-inspector"] [data-scalars]');
    expect(await scalar(rec.page, 0).innerText()).toBe('400');
    expect(await scalar(rec.page, 1).innerText()).toBe('300');
    expect(await widget.locator('[data-points] tbody tr').count()).toBe(4);
    expect(await widget.locator('[data-notes]').innerText()).toContain('Clipping changed x̂₀ at 4 of 8 coordinates');
    expect(await widget.locator('svg.sched-plane circle').count()).toBeGreaterThanOrEqual(12);
    expect(rec.pageErrors).toEqual([]);
  });

  it('reacts to changes: the last step with and without setAlphaToOne, and useClippedModelOutput', async () => {
    const rec = await openPage(session.context);
    await rec.page.goto(baseUrl() + EN);
    const widget = await ready(rec.page, 'step-inspector');
    await setText(rec.page, 'step-inspector', 'k', '9');
    await rec.page.waitForFunction(() => document.querySelector('[data-widget="step-inspector"] [data-scalars] td')?.textContent === '0');
    expect(await widget.locator('[data-notes]').innerText()).toContain('finalAlphaCumprod = 1');
    await widget.locator('[data-param="alphaOne"]').uncheck();
    await rec.page.waitForFunction(() => document.querySelector('[data-widget="step-inspector"] [data-notes]')?.textContent?.includes('finalAlphaCumprod = 0.9998999'));
    const points = async () => widget.locator('[data-points]').innerText();
    await setText(rec.page, 'step-inspector', 'k', '5');
    await rec.page.waitForFunction(() => document.querySelector('[data-widget="step-inspector"] [data-scalars] td')?.textContent === '400');
    const mixed = await points();
    await widget.locator('[data-param="clipped"]').check();
    await rec.page.waitForFunction((m) => document.querySelector('[data-widget="step-inspector"] [data-points]')?.textContent !== m, mixed);
    expect(await widget.locator('[data-notes]').count()).toBe(0);
  });

  it('refuses η beyond the range of the control, and beyond η_max(t), keeping the previous result', async () => {
    const rec = await openPage(session.context);
    await rec.page.goto(baseUrl() + EN);
    const widget = await ready(rec.page, 'step-inspector');
    await setText(rec.page, 'step-inspector', 'k', '4');
    await rec.page.waitForFunction(() => document.querySelector('[data-widget="step-inspector"] [data-scalars] td')?.textContent === '500');
    const before = await widget.locator('[data-output]').innerText();
    await setText(rec.page, 'step-inspector', 'eta', '5');
    expect(await widget.locator('[data-param-error="eta"]').innerText()).toBe('η must be between 0 and 3; got 5. The previous value, 0, is kept.');
    await setText(rec.page, 'step-inspector', 'eta', '1.3');
    await rec.page.waitForFunction(() => document.querySelector('[data-widget="step-inspector"] [data-alert]')?.textContent !== '');
    expect(await widget.locator('[data-alert]').innerText()).toMatch(/^η must be at most 1\.241728\d* at t = 500: beyond it 1 − ᾱ_prev − σ_t² is negative and diffusers returns NaN\. Got 1\.3; the previous result is kept\.$/);
    expect((await widget.locator('[data-output]').innerText()).replace(/η must be at most[^\n]*\n?/, '').trim()).toBe(before.trim());
    await setText(rec.page, 'step-inspector', 'eta', '1.2');
    await rec.page.waitForFunction(() => document.querySelector('[data-widget="step-inspector"] [data-alert]')?.textContent === '');
    expect(await widget.locator('[data-output]').innerText()).not.toContain('NaN');
  });

  it("with strict checks off shows diffusers' NaN as words, never as NaN", async () => {
    const rec = await openPage(session.context);
    await rec.page.goto(`${baseUrl()}${EN}?insp.k=4&insp.eta=1.3&insp.strict=false`);
    const widget = await ready(rec.page, 'step-inspector');
    await rec.page.waitForSelector('[data-widget="step-inspector"] [data-notes]');
    const text = await widget.locator('[data-output]').innerText();
    expect(text).toContain('not a number');
    expect(text).toContain('this is what diffusers returns here');
    expect(text).not.toContain('NaN');
  });

  it('the trailing −1 step reads ᾱ_{T−1} (URL preset), and the zero-SNR η = 1 case is refused', async () => {
    const rec = await openPage(session.context);
    await rec.page.goto(`${baseUrl()}${EN}?insp.spacing=trailing&insp.n=61&insp.k=61`);
    const widget = await ready(rec.page, 'step-inspector');
    await rec.page.waitForSelector('[data-widget="step-inspector"] [data-notes]');
    expect(await scalar(rec.page, 0).innerText()).toBe('−1');
    expect(await widget.locator('[data-notes]').innerText()).toContain('t = −1 reads ᾱ[−1] the Python way');
    await setText(rec.page, 'step-inspector', 'k', '62');
    await rec.page.waitForFunction(() => document.querySelector('[data-widget="step-inspector"] [data-alert]')?.textContent !== '');
    expect(await widget.locator('[data-alert]').innerText()).toBe('Step k must be a whole number from 0 to 61 for this schedule; got 62. The previous result is kept.');
    await rec.page.goto(`${baseUrl()}${EN}?insp.schedule=scaled_linear&insp.rescale=true&insp.prediction=v_prediction&insp.spacing=trailing&insp.k=0&insp.eta=1`);
    const again = await ready(rec.page, 'step-inspector');
    await rec.page.waitForFunction(() => document.querySelector('[data-widget="step-inspector"] [data-alert]')?.textContent !== '');
    expect(await again.locator('[data-alert]').innerText()).toContain('η must be at most 0.99999994 at t = 999');
  });

  it('speaks Chinese on the Chinese page', async () => {
    const rec = await openPage(session.context);
    await rec.page.goto(`${baseUrl()}${ZH}?insp.k=4&insp.eta=1.3`);
    const widget = await ready(rec.page, 'step-inspector');
    expect(await widget.locator('label[for="insp-k"]').innerText()).toBe('第 k 步（0 为第一步）');
    await rec.page.waitForFunction(() => document.querySelector('[data-widget="step-inspector"] [data-alert]')?.textContent !== '');
    expect(await widget.locator('[data-alert]').innerText()).toMatch(/^在 t = 500 处 η 最大只能取 1\.24/);
    expect(rec.pageErrors).toEqual([]);
  });
});
