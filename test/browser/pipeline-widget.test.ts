/**
 * The DDIMPipeline widget of the chapter "diffusers' DDIMPipeline, line by line", in a real browser
 * against the build: the conversion it prints, the timesteps the loop visits, the per-item
 * generators, the output clamp, and bad input refused with a message while the previous result stays.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, browserSession, openPage } from './harness.ts';

const EN = '/en/ddim-pipeline/';
const ZH = '/zh/ddim-pipeline/';
const KIND = 'ddim-pipeline';

const session = browserSession({ viewport: { width: 1200, height: 800 } });

/** Open the page with a query, scroll to the widget and wait until it has drawn a result. */
async function run(page: Page, path: string, query = '') {
  await page.goto(`${baseUrl()}${path}${query}`);
  const widget = page.locator(`[data-widget="${KIND}"]`);
  await widget.scrollIntoViewIfNeeded();
  await page.waitForSelector(`[data-widget="${KIND}"][data-state="ready"] [data-transform-table]`, { timeout: 300_000 });
  return widget;
}

/** The raw samples of the transform table, item by item. */
async function rawColumn(page: Page): Promise<string[]> {
  return page.locator(`[data-widget="${KIND}"] [data-transform-table] tbody tr td.t`).allInnerTexts();
}

describe('DDIMPipeline widget', () => {
  it('by default converts a DDPM config, visits 980 → 960 first, and draws every sample with no NaN', async () => {
    const rec = await openPage(session.context);
    const widget = await run(rec.page, EN);
    expect(await widget.locator('[data-conversion]').innerText()).toMatch(/dropped without a warning: variance_type = "fixed_small"; DDIM's default used: set_alpha_to_one = true/);
    expect(await widget.locator('[data-timesteps]').innerText()).toMatch(/visits 50 timesteps: 980, 960, 940, 920, …, 20, 0\. At t = 980, step\(\) moves to prev_timestep = 960/);
    expect(await widget.locator('svg.pipe-plane circle.prev').count()).toBe(64);
    expect(await widget.locator('[data-transform-table] tbody tr').count()).toBe(8);
    expect(await widget.locator('.widget-output').innerText()).not.toMatch(/NaN|Infinity/);
    expect(rec.pageErrors).toEqual([]);
    expect(rec.consoleErrors).toEqual([]);
  });

  it('steps_offset = 1 from the URL makes the loop start at 981 → 961, as DDPM-trained configs do', async () => {
    const rec = await openPage(session.context);
    const widget = await run(rec.page, EN, '?pipe.offset=1');
    expect(await widget.locator('[data-timesteps]').innerText()).toMatch(/981, 961, 941, 921, …, 21, 1\. At t = 981, step\(\) moves to prev_timestep = 961/);
  });

  it('a per-item generator list: item 2 of a batch seeded 7, 8, 9, 10 equals a batch of one seeded 9 (η = 0.5)', async () => {
    const rec = await openPage(session.context);
    await run(rec.page, EN, '?pipe.generators=perItem&pipe.batch=4&pipe.seed=7&pipe.eta=0.5');
    const batch = await rawColumn(rec.page);
    await run(rec.page, EN, '?pipe.generators=perItem&pipe.batch=1&pipe.seed=9&pipe.eta=0.5');
    const alone = await rawColumn(rec.page);
    expect(alone).toHaveLength(1);
    expect(batch[2]).toBe(alone[0]);
    // One shared generator splits its stream over the batch instead: item 0 seeded 9 alone differs.
    await run(rec.page, EN, '?pipe.batch=4&pipe.seed=7&pipe.eta=0.5');
    expect((await rawColumn(rec.page))[2]).not.toBe(alone[0]);
  });

  it('data scaled beyond [−1, 1] with clip_sample off: the clamp sends the overflow to 0 or 255; with clip_sample on nothing is left outside', async () => {
    const rec = await openPage(session.context);
    const widget = await run(rec.page, EN, '?pipe.scale=1.5&pipe.clip=false');
    const outside = Number(await widget.locator('[data-clamped]').getAttribute('data-clamped'));
    expect(outside).toBeGreaterThan(5);
    const bad = widget.locator('[data-transform-table] tbody tr.bad');
    expect(await bad.count()).toBeGreaterThan(0);
    expect(await bad.first().locator('td').last().innerText()).toMatch(/\b(0|255)\b/);
    const clipped = await run(rec.page, EN, '?pipe.scale=1.5&pipe.clip=true');
    expect(await clipped.locator('[data-clamped]').getAttribute('data-clamped')).toBe('0');
  });

  it('refuses a steps_offset the schedule cannot take, naming it, and keeps the previous result', async () => {
    const rec = await openPage(session.context);
    const widget = await run(rec.page, EN, '?pipe.steps=1000');
    const before = await widget.locator('[data-timesteps]').innerText();
    const input = widget.locator('[data-param="offset"]');
    await input.fill('10');
    await input.press('Tab');
    const error = widget.locator('[data-param-error="offset"]');
    await error.waitFor({ state: 'visible' });
    expect(await error.innerText()).toMatch(/refuses these settings before sampling: stepsOffset must be .*; got 10\./);
    expect(await widget.locator('[data-timesteps]').innerText()).toBe(before);
    // A value outside the control's range: the usual message with the range.
    await input.fill('11');
    await input.press('Tab');
    await rec.page.waitForFunction(() => document.querySelector('[data-widget="ddim-pipeline"] [data-param-error="offset"]')?.textContent?.includes('11'));
    expect(await error.innerText()).toMatch(/from 0 to 10; got 11/);
    expect(await widget.locator('.widget-output').innerText()).not.toMatch(/NaN/);
  });

  it('speaks Chinese on the zh page, with the same numbers', async () => {
    const rec = await openPage(session.context);
    const widget = await run(rec.page, ZH);
    expect(await widget.locator('[data-timesteps]').innerText()).toMatch(/^循环共经过 50 个时间步：980, 960, 940/);
    expect(await widget.locator('[data-conversion]').innerText()).toContain('variance_type');
    expect(rec.pageErrors).toEqual([]);
  });
});
