/**
 * A valid value the reader set that conflicts only with a default is kept; the default is
 * adjusted and the page says so. A conflict between two values the reader set keeps its message.
 */
import { describe, expect, it } from 'vitest';
import { baseUrl, browserSession, openPage } from './harness.ts';

const session = browserSession({ viewport: { width: 1200, height: 800 } });

async function open(path: string) {
  const rec = await openPage(session.context);
  await rec.page.goto(baseUrl() + path);
  return rec;
}

describe('conflicts between parameters', () => {
  for (const [query, set, adjusted] of [
    ['?rerun.t=5', { t: '5' }, 'n'],
    ['?rerun.T=2', { T: '2' }, 't'],
    ['?rerun.schedule=custom', { schedule: 'custom' }, 't'],
  ] as const) {
    it(`keeps ${query} on the errata page and adjusts the conflicting default (${adjusted}), saying so`, async () => {
      const rec = await open(`/en/errata/${query}`);
      const w = rec.page.locator('#widget-rerun');
      for (const [name, value] of Object.entries(set)) expect(await w.locator(`[data-param="${name}"]`).inputValue()).toBe(value);
      const note = w.locator(`[data-param-error="${adjusted}"]`);
      expect(await note.isVisible()).toBe(true);
      expect(await note.innerText()).toMatch(/is set to .* \(instead of .*\) to fit the values you chose\./);
      expect(await w.locator('[aria-invalid="true"]').count()).toBe(0);
      const url = new URL(rec.page.url());
      for (const [name, value] of Object.entries(set)) expect(url.searchParams.get(`rerun.${name}`)).toBe(value);
      expect(url.searchParams.get(`rerun.${adjusted}`)).toBe(await w.locator(`[data-param="${adjusted}"]`).inputValue());
      expect(rec.pageErrors).toEqual([]);
      await rec.page.close();
    });
  }

  it('keeps checks.t = 1 on the experiments page and lowers the default jump to 2', async () => {
    const rec = await open('/en/experiments/?checks.t=1');
    const w = rec.page.locator('[data-widget="lab-checks"]');
    expect(await w.locator('[data-param="t"]').inputValue()).toBe('1');
    expect(await w.locator('[data-param="jump"]').inputValue()).toBe('2');
    expect(await w.locator('[data-param-error="jump"]').innerText()).toContain('to fit the values you chose');
    await rec.page.close();
  });

  it('keeps the message when two values the reader set conflict (checks.t = 1, checks.jump = 50)', async () => {
    const rec = await open('/en/experiments/?checks.t=1&checks.jump=50');
    const w = rec.page.locator('[data-widget="lab-checks"]');
    const err = w.locator('[data-param-error="jump"]');
    expect(await err.isVisible()).toBe(true);
    expect(await err.innerText()).not.toContain('to fit the values you chose');
    expect(await err.innerText()).toContain('1');
    await rec.page.close();
  });

  it('accepts choosing the custom schedule from the defaults in the form, adjusting t and n', async () => {
    const rec = await open('/en/errata/');
    const w = rec.page.locator('#widget-rerun');
    await w.scrollIntoViewIfNeeded();
    await w.locator('[data-param="schedule"]').selectOption('custom');
    expect(await w.locator('[data-param="schedule"]').inputValue()).toBe('custom');
    await rec.page.waitForFunction(() => new URL(location.href).searchParams.get('rerun.schedule') === 'custom');
    expect(await w.locator('[data-param-error="schedule"]').isHidden()).toBe(true);
    expect(await w.locator('[data-param-error="t"]').innerText()).toContain('to fit the values you chose');
    await rec.page.close();
  });
});
