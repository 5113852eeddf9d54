/**
 * The reading experience: dark mode follows the system and can be toggled (and remembered), the
 * layout fits a 390 px phone without sideways scrolling, KaTeX's CSS and fonts come from this site,
 * and no KaTeX JavaScript reaches the browser (math is rendered at build time).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, builtPages, launch, openPage } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const background = () => getComputedStyle(document.documentElement).backgroundColor;
const DARK = 'rgb(21, 25, 30)'; // #15191e
const LIGHT = 'rgb(253, 253, 251)'; // #fdfdfb

describe('dark mode', () => {
  it('follows the system, and the toggle cycles system → light → dark and is remembered', async () => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const { page } = await openPage(context);
    await page.goto(baseUrl() + '/en/forward-process/');
    const dark = await page.evaluate(background);
    expect(dark).toBe(DARK);
    await page.click('[data-theme-toggle]');
    expect(await page.getAttribute('html', 'data-theme')).toBe('light');
    expect(await page.evaluate(background)).toBe(LIGHT);
    await page.click('[data-theme-toggle]');
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    await page.reload();
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    await page.click('[data-theme-toggle]');
    expect(await page.getAttribute('html', 'data-theme')).toBeNull();
    expect(await page.evaluate(background)).toBe(DARK);
    expect(await page.getAttribute('[data-theme-toggle]', 'aria-label')).toBe('Theme: follows system');
    await context.close();
  });
});

describe('on a phone (390 px)', () => {
  it.each(builtPages())('%s has no horizontal overflow', async (path) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const { page } = await openPage(context);
    await page.goto(baseUrl() + path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });
});

describe('math assets', () => {
  it('serves KaTeX CSS and fonts from this site and ships no KaTeX JavaScript', async () => {
    const context = await browser.newContext();
    const rec = await openPage(context);
    await rec.page.goto(baseUrl() + '/en/forward-process/', { waitUntil: 'networkidle' });
    const fonts = rec.requests.filter((u) => /KaTeX_.*\.woff2$/.test(u));
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((u) => new URL(u).hostname === '127.0.0.1')).toBe(true);
    expect(rec.foreignRequests).toEqual([]);
    await context.close();
    const scripts = readdirSync('dist/_astro').filter((f) => f.endsWith('.js'));
    for (const f of scripts) {
      const text = readFileSync(`dist/_astro/${f}`, 'utf8');
      // Strings that only KaTeX's renderer contains.
      expect(text.includes('KaTeX parse error') || text.includes('katex-mathml'), f).toBe(false);
    }
  });
});

describe('wide equations', () => {
  it('on a phone, a display equation that scrolls sideways can be reached and scrolled from the keyboard', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const { page } = await openPage(context);
    await page.goto(baseUrl() + '/en/sampler-family/');
    await page.evaluate(() => document.fonts.ready.then(() => new Promise(requestAnimationFrame)));
    const scrollable = page.locator('.katex-display[tabindex="0"]');
    expect(await scrollable.count()).toBeGreaterThan(0);
    const narrow = await page.locator('.katex-display:not([tabindex])').count();
    expect(narrow).toBeGreaterThan(0);
    const first = scrollable.first();
    await first.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    // The keyboard scroll may be animated: wait for the state (scrolled), not for a duration.
    await page.waitForFunction((e) => e.scrollLeft > 0, await first.elementHandle());
    expect(await first.evaluate((e) => e.scrollLeft)).toBeGreaterThan(0);
    await context.close();
  });
});
