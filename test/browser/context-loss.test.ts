/**
 * Gate: WebGL trouble. With WebGL unavailable, and after the WebGL context is lost in the middle
 * of a run (WEBGL_lose_context), every tfjs widget still works on wasm or cpu and says what
 * happened. (The benchmark widget is left out: it measures each backend on request.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launch, openPage } from './harness.ts';

const PAGES = ['/en/forward-process/', '/en/toy-lab/', '/zh/experiments/'];
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function tfjsWidgets(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-widget]')].filter((w) => w.querySelector('[data-backend]') && w.dataset.widget !== 'lab-bench').map((w) => w.id));
}

describe('gate: WebGL unavailable or lost', () => {
  let noGl: BrowserContext;
  beforeAll(async () => {
    noGl = await browser.newContext({ viewport: { width: 1100, height: 800 } });
    await noGl.addInitScript(() => {
      for (const proto of [HTMLCanvasElement.prototype, ...(typeof OffscreenCanvas === 'undefined' ? [] : [OffscreenCanvas.prototype])] as { getContext: (...a: unknown[]) => unknown }[]) {
        const original = proto.getContext;
        proto.getContext = function (this: unknown, type: unknown, ...rest: unknown[]) {
          if (/webgl/i.test(String(type))) return null;
          return original.call(this, type, ...rest);
        };
      }
    });
  });
  afterAll(async () => {
    await noGl?.close();
  });

  for (const path of PAGES) {
    it(`every tfjs widget on ${path} starts on wasm or cpu without WebGL and says WebGL is unavailable`, async () => {
      const rec = await openPage(noGl);
      await rec.page.goto(baseUrl() + path);
      const ids = await tfjsWidgets(rec.page);
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) {
        const w = rec.page.locator(`#${id}`);
        await w.scrollIntoViewIfNeeded();
        await rec.page.waitForSelector(`#${id}[data-state="ready"][data-backend]`, { timeout: 120_000 });
        expect(['wasm', 'cpu']).toContain(await w.getAttribute('data-backend'));
        expect(await w.getAttribute('data-backend-note')).toBe('no-webgl');
        expect(await w.locator('[data-status]').innerText()).toMatch(/WebGL is not available|无法使用 WebGL/);
        expect(await w.locator('[data-backend] option[value="webgl"]').isDisabled()).toBe(true);
      }
      expect(rec.pageErrors).toEqual([]);
      await rec.page.close();
    }, 600_000);
  }

  for (const [path, kind, done] of [
    ['/en/forward-process/', 'forward-noise', '[data-readout]'],
    ['/en/toy-lab/?sampler.n=3000&sampler.steps=200', 'lab-sampler', '[data-readout]'],
  ] as const) {
    it(`${kind}: after the WebGL context is lost mid-run, runs again on wasm or cpu and says so`, async () => {
      const ctx = await browser.newContext({ viewport: { width: 1100, height: 800 } });
      await ctx.addInitScript(() => {
        const contexts: { getExtension(n: string): { loseContext(): void } | null }[] = [];
        (window as unknown as { __glContexts: typeof contexts }).__glContexts = contexts;
        // tfjs draws on an OffscreenCanvas where there is one, else on a <canvas>.
        for (const proto of [HTMLCanvasElement.prototype, ...(typeof OffscreenCanvas === 'undefined' ? [] : [OffscreenCanvas.prototype])] as { getContext: (...a: unknown[]) => unknown }[]) {
          const original = proto.getContext;
          proto.getContext = function (this: unknown, type: unknown, ...rest: unknown[]) {
            const gl = original.call(this, type, ...rest);
            if (gl && /webgl/i.test(String(type))) contexts.push(gl as (typeof contexts)[number]);
            return gl;
          };
        }
      });
      const rec = await openPage(ctx);
      await rec.page.goto(baseUrl() + path);
      const w = rec.page.locator(`[data-widget="${kind}"]`);
      await w.scrollIntoViewIfNeeded();
      await rec.page.waitForSelector(`[data-widget="${kind}"][data-state="ready"] ${done}`, { timeout: 180_000 });
      await w.locator('[data-backend]').selectOption('webgl');
      await rec.page.waitForSelector(`[data-widget="${kind}"][data-backend="webgl"]`, { timeout: 60_000 });
      // Mid-run: the switch started a run on WebGL; lose every WebGL context now.
      const lost = await rec.page.evaluate(() => {
        let n = 0;
        for (const gl of (window as unknown as { __glContexts: { getExtension(n: string): { loseContext(): void } | null }[] }).__glContexts) {
          const ext = gl.getExtension('WEBGL_lose_context');
          if (ext) {
            ext.loseContext();
            n++;
          }
        }
        return n;
      });
      expect(lost).toBeGreaterThan(0);
      await rec.page.waitForSelector(`[data-widget="${kind}"][data-backend-note="context-lost"]:is([data-backend="wasm"], [data-backend="cpu"])`, { timeout: 60_000 });
      expect(await w.locator('[data-status]').innerText()).toContain('The WebGL context was lost');
      // It works: a fresh result appears on the new backend.
      await w.locator(done).first().waitFor({ timeout: 180_000 });
      await rec.page.waitForFunction((k) => !/NaN/.test(document.querySelector(`[data-widget="${k}"] [data-output]`)?.textContent ?? 'NaN'), kind, { timeout: 180_000 });
      expect(await w.locator('[data-backend] option[value="webgl"]').isDisabled()).toBe(true);
      await ctx.close();
    }, 600_000);
  }
});
