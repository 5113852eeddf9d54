/**
 * The island pattern, on the forward-process widget: nothing heavy loads until the widget nears
 * the viewport; then tfjs loads, a backend is chosen (wasm over software WebGL) and reported; the
 * reader can switch it; parameters round-trip through the URL and bad values get a message that
 * names the parameter and its range while the previous value is kept.
 */
import { describe, expect, it } from 'vitest';
import { baseUrl, browserSession, openPage, quiesce } from './harness.ts';

const PATH = '/en/forward-process/';
const isHeavy = (url: string) => /\/_astro\/(tfjs|plot)[.-]/.test(url) || url.endsWith('.wasm');

const session = browserSession({ viewport: { width: 1200, height: 700 } });

describe('forward-process widget', () => {
  it('requests tfjs only after scrolling into view, then reports a backend', async () => {
    const rec = await openPage(session.context);
    await rec.page.goto(baseUrl() + PATH, { waitUntil: 'networkidle' });
    await quiesce(rec.page);
    const widget = rec.page.locator('[data-widget="forward-noise"]');
    expect(await widget.getAttribute('data-state')).toBe('idle');
    expect(rec.requests.filter(isHeavy)).toEqual([]);

    await widget.scrollIntoViewIfNeeded();
    await rec.page.waitForSelector('[data-widget="forward-noise"][data-state="ready"]', { timeout: 300_000 });
    await rec.page.waitForFunction(() => document.querySelector('[data-widget="forward-noise"] [data-readout]') !== null);
    expect(rec.requests.some((u) => /\/_astro\/tfjs[.-]/.test(u))).toBe(true);
    const backend = await widget.getAttribute('data-backend');
    expect(['webgl', 'wasm', 'cpu']).toContain(backend);
    // Headless Chromium here renders WebGL with SwiftShader: wasm must have been preferred.
    const renderer = await rec.page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      const info = gl?.getExtension('WEBGL_debug_renderer_info');
      return gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : null;
    });
    if (renderer && /swiftshader|llvmpipe/i.test(renderer)) expect(backend).toBe('wasm');
    expect(await widget.locator('[data-status]').innerText()).toContain(backend!);
    expect(rec.requests.some((u) => u.endsWith('.wasm') && new URL(u).hostname === '127.0.0.1')).toBe(backend === 'wasm');
    expect(rec.consoleErrors).toEqual([]);
    expect(rec.pageErrors).toEqual([]);
  });

  it('lets the reader switch backend', async () => {
    const rec = await openPage(session.context);
    await rec.page.goto(baseUrl() + PATH);
    const widget = rec.page.locator('[data-widget="forward-noise"]');
    await widget.scrollIntoViewIfNeeded();
    await rec.page.waitForSelector('[data-widget="forward-noise"][data-state="ready"]', { timeout: 300_000 });
    await widget.locator('[data-backend]').selectOption('cpu');
    await rec.page.waitForSelector('[data-widget="forward-noise"][data-backend="cpu"]');
    expect(await widget.locator('[data-status]').innerText()).toContain('cpu');
    expect(rec.pageErrors).toEqual([]);
  });

  it('reads valid parameters from the URL and writes edits back', async () => {
    const rec = await openPage(session.context);
    await rec.page.goto(`${baseUrl()}${PATH}?fwd.t=600&fwd.schedule=squaredcos_cap_v2`);
    const widget = rec.page.locator('[data-widget="forward-noise"]');
    expect(await widget.locator('[data-param="t"]').inputValue()).toBe('600');
    expect(await widget.locator('[data-param="schedule"]').inputValue()).toBe('squaredcos_cap_v2');
    await widget.locator('[data-param="n"]').fill('500');
    await widget.locator('[data-param="n"]').press('Enter');
    await widget.locator('[data-param="n"]').blur();
    await rec.page.waitForFunction(() => new URL(location.href).searchParams.get('fwd.n') === '500');
    const url = new URL(rec.page.url());
    expect(url.searchParams.get('fwd.t')).toBe('600');
    expect(url.searchParams.get('fwd.schedule')).toBe('squaredcos_cap_v2');
    expect(await widget.locator('[data-print="n"]').textContent()).toBe('500');
  });

  it('rejects bad input with a message naming the parameter and range, keeping the previous value', async () => {
    const rec = await openPage(session.context);
    await rec.page.goto(`${baseUrl()}${PATH}?fwd.t=5000&fwd.n=abc`);
    const widget = rec.page.locator('[data-widget="forward-noise"]');
    const tError = widget.locator('[data-param-error="t"]');
    expect(await tError.isVisible()).toBe(true);
    expect(await tError.innerText()).toMatch(/Timestep t must be a whole number from 0 to 1000; got 5000\. The previous value, 250, is kept\./);
    expect(await widget.locator('[data-param-error="n"]').innerText()).toContain('must be a number');
    expect(await widget.locator('[data-print="t"]').textContent()).toBe('250');

    await widget.scrollIntoViewIfNeeded();
    await rec.page.waitForSelector('[data-widget="forward-noise"][data-state="ready"]', { timeout: 300_000 });
    await rec.page.waitForFunction(() => document.querySelector('[data-widget="forward-noise"] [data-readout]') !== null);
    const before = await widget.locator('[data-readout]').innerText();
    expect(before).toContain('t = 250');
    for (const bad of ['-1', 'NaN', '1e9', '12.5', '']) {
      await widget.locator('[data-param="t"]').fill(bad);
      await widget.locator('[data-param="t"]').press('Tab');
      expect(await tError.innerText()).toContain('Timestep t must be');
      expect(await widget.locator('[data-param="t"]').getAttribute('aria-invalid')).toBe('true');
    }
    await quiesce(rec.page);
    expect(await widget.locator('[data-readout]').innerText()).toBe(before);
    expect(await widget.locator('[data-output]').innerText()).not.toContain('NaN');
    await widget.locator('[data-param="t"]').fill('10');
    await widget.locator('[data-param="t"]').press('Tab');
    await rec.page.waitForFunction(() => document.querySelector('[data-widget="forward-noise"] [data-readout]')?.textContent?.includes('t = 10:'));
    expect(await tError.isHidden()).toBe(true);
    expect(rec.pageErrors).toEqual([]);
  });

  it('prints the current parameter values and hides the controls', async () => {
    const rec = await openPage(session.context);
    await rec.page.goto(`${baseUrl()}${PATH}?fwd.t=42`);
    await rec.page.emulateMedia({ media: 'print' });
    const widget = rec.page.locator('[data-widget="forward-noise"]');
    expect(await widget.locator('.widget-print').isVisible()).toBe(true);
    expect(await widget.locator('[data-print="t"]').textContent()).toBe('42');
    expect(await widget.locator('.widget-controls').isVisible()).toBe(false);
    expect(await rec.page.locator('.chapter-list').isVisible()).toBe(false);
    expect(await rec.page.locator('.katex-display').first().isVisible()).toBe(true);
  });
});
