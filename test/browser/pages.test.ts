/**
 * Every built page in both languages: loads with 200, no request to another host, math rendered by
 * KaTeX at build time (no raw $$ left), the right <html lang>, and a language switch that lands on
 * the same chapter in the other language. Then every island on the page (each widget and each
 * exercise section) is scrolled into view and must report that it mounted, and the page must have
 * logged no console error and thrown no exception by then.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, browserSession, builtPages, openPage } from './harness.ts';

const pages = builtPages();
const chapterPage = /^\/(en|zh)\/([^/]+)\/$/;
// Chapters are the MDX files; other single-segment pages (e.g. /en/exercises/) are not chapters.
const chapterSlugs = new Set(readdirSync('content/en').map((f) => f.replace(/\.mdx$/, '')));
const isChapter = (path: string) => chapterPage.test(path) && chapterSlugs.has(chapterPage.exec(path)![2]);

/**
 * Small sizes for the lab's widgets (each runs once when it mounts), so that mounting every island
 * of a page does not queue minutes of sampling; parameters of widgets not on a page are ignored.
 */
const SMALL =
  'sampler.n=200&sampler.steps=5&data.n=100&lemma.chains=300&lemma.steps=3&checks.n=50&checks.steps=5&consistency.n=20&interp.pairs=1&interp.frames=5&interp.steps=5&table1.n=100&inversion.n=10&bench.n=100&bench.steps=5';

/** Generous: on a loaded 2-core machine the first island of a page also loads tfjs and a backend. */
const MOUNT_TIMEOUT = 180_000;

/** Islands in document order: widgets report data-state, exercise sections data-mounted. */
const ISLANDS = '[data-widget], [data-exercises]';

async function mountEveryIsland(page: Page): Promise<string[]> {
  const count = await page.locator(ISLANDS).count();
  const mounted: string[] = [];
  for (let i = 0; i < count; i++) {
    const island = page.locator(ISLANDS).nth(i);
    const name = (await island.getAttribute('data-widget')) ?? `exercises#${await island.getAttribute('aria-labelledby')}`;
    // An island the page itself hides (the set page's cards before a set is chosen) cannot come into
    // view; it must be hidden on purpose, by a [hidden] ancestor, and is covered by its own test.
    if (!(await island.isVisible())) {
      expect(await island.evaluate((el) => el.closest('[hidden]') !== null), `${name} is hidden on purpose`).toBe(true);
      continue;
    }
    await island.scrollIntoViewIfNeeded();
    // Ready (mounted) or failed: either way the wait ends on a state, and failed fails the test.
    await island.evaluate(
      (el: HTMLElement) =>
        new Promise<void>((resolve) => {
          const done = () => el.dataset.state === 'ready' || el.dataset.state === 'failed' || el.dataset.mounted === 'true';
          if (done()) return resolve();
          new MutationObserver((_, observer) => {
            if (done()) {
              observer.disconnect();
              resolve();
            }
          }).observe(el, { attributes: true, attributeFilter: ['data-state', 'data-mounted'] });
        }),
      undefined,
      { timeout: MOUNT_TIMEOUT },
    );
    const state = (await island.getAttribute('data-state')) ?? ((await island.getAttribute('data-mounted')) === 'true' ? 'ready' : null);
    expect(state, `${name} mounted`).toBe('ready');
    mounted.push(name);
  }
  return mounted;
}

const session = browserSession({ viewport: { width: 1200, height: 800 } });

describe('the build', () => {
  it('has the same chapters in English and Chinese', () => {
    const en = pages.filter((p) => p.startsWith('/en/')).map((p) => p.slice(3));
    const zh = pages.filter((p) => p.startsWith('/zh/')).map((p) => p.slice(3));
    expect(en.length).toBeGreaterThan(1);
    expect(zh).toEqual(en);
  });
  it('has islands on every chapter page, in both languages (so the sweep below has something to mount)', () => {
    const chapters = pages.filter(isChapter);
    expect(chapters.length).toBe(2 * chapterSlugs.size);
    for (const path of chapters) expect(readFileSync(`dist${path}index.html`, 'utf8'), path).toMatch(/data-widget="|data-exercises/);
  });
});

describe.each(pages)('page %s', (path) => {
  it(
    'loads cleanly, and every island mounts when scrolled into view: no console errors, no foreign requests, correct lang, math rendered',
    async () => {
      const rec = await openPage(session.context);
      const response = await rec.page.goto(`${baseUrl()}${path}?${SMALL}`, { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      const lang = await rec.page.getAttribute('html', 'lang');
      expect(lang).toBe(path.startsWith('/zh/') ? 'zh-CN' : 'en');
      const text = await rec.page.evaluate(() => document.body.innerText);
      expect(text).not.toContain('$$');
      expect(await rec.page.locator('.katex-error').count()).toBe(0);
      if (isChapter(path)) {
        expect(await rec.page.locator('.katex').count()).toBeGreaterThan(0);
        expect(await rec.page.locator('.katex-display').count()).toBeGreaterThan(0);
      }
      const mounted = await mountEveryIsland(rec.page);
      // Chapters with widgets really had them mounted (a sweep that finds nothing proves nothing).
      if (isChapter(path)) expect(mounted.length, 'islands on a chapter page').toBeGreaterThan(0);
      expect(rec.consoleErrors).toEqual([]);
      expect(rec.pageErrors).toEqual([]);
      expect(rec.foreignRequests).toEqual([]);
      expect(rec.failedRequests).toEqual([]);
    },
    20 * 60_000,
  );

  if (path !== '/') {
    it('switches language to the same page in the other language', async () => {
      const rec = await openPage(session.context);
      await rec.page.goto(baseUrl() + path);
      const [, lang, rest] = /^\/(en|zh)\/(.*)$/.exec(path)!;
      const other = lang === 'en' ? 'zh' : 'en';
      await rec.page.click('[data-lang-switch]');
      await rec.page.waitForURL(`${baseUrl()}/${other}/${rest}`);
      expect(await rec.page.getAttribute('html', 'lang')).toBe(other === 'zh' ? 'zh-CN' : 'en');
      const slug = await rec.page.locator('main').getAttribute('data-chapter');
      if (isChapter(path)) expect(slug).toBe(chapterPage.exec(path)![2]);
    });
  }
});
