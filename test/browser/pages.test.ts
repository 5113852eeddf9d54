/**
 * Every built page in both languages: loads with 200, no console errors or uncaught exceptions,
 * no request to another host, math rendered by KaTeX at build time (no raw $$ left), the right
 * <html lang>, and a language switch that lands on the same chapter in the other language.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { baseUrl, browserSession, builtPages, openPage } from './harness.ts';

const pages = builtPages();
const chapterPage = /^\/(en|zh)\/([^/]+)\/$/;
// Chapters are the MDX files; other single-segment pages (e.g. /en/exercises/) are not chapters.
const chapterSlugs = new Set(readdirSync('content/en').map((f) => f.replace(/\.mdx$/, '')));
const isChapter = (path: string) => chapterPage.test(path) && chapterSlugs.has(chapterPage.exec(path)![2]);

const session = browserSession();

describe('the build', () => {
  it('has the same chapters in English and Chinese', () => {
    const en = pages.filter((p) => p.startsWith('/en/')).map((p) => p.slice(3));
    const zh = pages.filter((p) => p.startsWith('/zh/')).map((p) => p.slice(3));
    expect(en.length).toBeGreaterThan(1);
    expect(zh).toEqual(en);
  });
});

describe.each(pages)('page %s', (path) => {
  it('loads cleanly: 200, no console errors, no foreign requests, correct lang, math rendered', async () => {
    const rec = await openPage(session.context);
    const response = await rec.page.goto(baseUrl() + path, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    const lang = await rec.page.getAttribute('html', 'lang');
    if (path.startsWith('/zh/')) expect(lang).toBe('zh-CN');
    else expect(lang).toBe('en');
    const text = await rec.page.evaluate(() => document.body.innerText);
    expect(text).not.toContain('$$');
    expect(await rec.page.locator('.katex-error').count()).toBe(0);
    if (isChapter(path)) {
      expect(await rec.page.locator('.katex').count()).toBeGreaterThan(0);
      expect(await rec.page.locator('.katex-display').count()).toBeGreaterThan(0);
    }
    await rec.page.waitForTimeout(100);
    expect(rec.consoleErrors).toEqual([]);
    expect(rec.pageErrors).toEqual([]);
    expect(rec.foreignRequests).toEqual([]);
    expect(rec.failedRequests).toEqual([]);
  });

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
