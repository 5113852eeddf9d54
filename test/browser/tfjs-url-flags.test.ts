/**
 * tfjs reads the query string when it loads: a malformed % escape anywhere in the URL must not
 * stop a widget, and `?tfjsflags=` must not set tfjs flags (see src/widgets/runtime/tfjs-query.ts).
 */
import { describe, expect, it } from 'vitest';
import { baseUrl, browserSession, openPage } from './harness.ts';

const PATH = '/en/forward-process/';
const session = browserSession({ viewport: { width: 1200, height: 700 } });

async function widgetOutcome(query: string) {
  const rec = await openPage(session.context);
  const warnings: string[] = [];
  rec.page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  await rec.page.goto(`${baseUrl()}${PATH}${query}`);
  const widget = rec.page.locator('[data-widget="forward-noise"]');
  await widget.scrollIntoViewIfNeeded();
  await rec.page.waitForSelector('[data-widget="forward-noise"]:is([data-state="ready"], [data-state="failed"])', { timeout: 60_000 });
  const state = await widget.getAttribute('data-state');
  if (state === 'ready') await rec.page.waitForSelector('[data-widget="forward-noise"] [data-readout]', { timeout: 60_000 });
  const status = await widget.locator('[data-status]').innerText();
  const url = rec.page.url();
  await rec.page.close();
  return { state, status, url, warnings, rec };
}

describe('tfjs and the query string', () => {
  for (const query of ['?utm=%', '?x=%E0%A4%A', '?x=%ED%A0%80&fwd.t=600']) {
    it(`starts the widget with a malformed escape in the URL (${query})`, async () => {
      const { state, status, rec } = await widgetOutcome(query);
      expect(status).not.toMatch(/URI malformed|could not start/);
      expect(state).toBe('ready');
      expect(rec.pageErrors).toEqual([]);
    });
  }

  it('keeps the widget parameters of a URL whose escapes were malformed', async () => {
    const { url } = await widgetOutcome('?x=%ED%A0%80&fwd.t=600');
    expect(new URL(url).searchParams.get('fwd.t')).toBe('600');
  });

  for (const query of ['?tfjsflags=DEBUG:true', '?tfjsflags=WEBGL_VERSION:1,DEBUG:true', '?tfjsflags=DEBUG']) {
    it(`sets no tfjs flag from the URL (${query})`, async () => {
      const { state, warnings, rec } = await widgetOutcome(query);
      expect(state).toBe('ready');
      expect(warnings.filter((w) => /feature override from URL|Debugging mode/i.test(w))).toEqual([]);
      expect(rec.pageErrors).toEqual([]);
    });
  }
});
