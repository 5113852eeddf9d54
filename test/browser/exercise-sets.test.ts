/**
 * Assignment sets: compose a set, open it as two students (different numbers, same numbers on
 * reload), print it as a worksheet (no solutions, space to answer), print the answer key for a
 * roster, and refuse a damaged link with a clear message. Also: the exercise pages fit a phone.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, browserSession, openPage } from './harness.ts';
import { answer, card, verdict } from './exercises-helpers.ts';

const session = browserSession({ viewport: { width: 1100, height: 800 } });

const ID = 'sampler-family/sigma-eta';
const values = (page: Page) => card(page, ID).locator('.ex-prompt .ex-value').allInnerTexts();

/** Compose the test set; returns the students' link and the instructor's answer-key link. */
async function composeLinks(lang = 'en'): Promise<{ link: string; keyLink: string }> {
  const rec = await openPage(session.context);
  await rec.page.goto(`${baseUrl()}/${lang}/exercises/sets/`);
  await rec.page.fill('[data-set-title]', 'Week 3');
  await rec.page.fill('[data-set-seed]', '12345');
  await rec.page.locator('[data-set-seed]').press('Tab');
  await rec.page.locator(`[data-pick][value="${ID}"]`).check();
  await rec.page.locator('[data-pick][value="errata/noise-term"]').check();
  await rec.page.locator('[data-pick][value="sampler-family/sigma-code"]').check();
  await rec.page.click('[data-compose] button[type=submit]');
  await rec.page.waitForSelector('[data-key-output]:not([hidden])');
  const link = await rec.page.locator('[data-set-link]').inputValue();
  const keyLink = await rec.page.locator('[data-key-link]').inputValue();
  expect(await rec.page.locator('[data-open-key]').getAttribute('href')).toBe(keyLink);
  expect(rec.pageErrors).toEqual([]);
  await rec.page.close();
  return { link, keyLink };
}

async function compose(lang = 'en'): Promise<string> {
  return (await composeLinks(lang)).link;
}

describe('assignment sets', () => {
  it('refuses to make an empty set and names the problem', async () => {
    const rec = await openPage(session.context);
    await rec.page.goto(`${baseUrl()}/en/exercises/sets/`);
    await rec.page.click('[data-compose] button[type=submit]');
    expect(await rec.page.locator('[data-compose-error]').innerText()).toContain('it contains no exercises');
    await rec.page.fill('[data-set-seed]', 'abc');
    await rec.page.locator('[data-set-seed]').press('Tab');
    expect(await rec.page.locator('[data-set-seed-error]').innerText()).toMatch(/Seed of the set must be a whole number from 0 to 4294967295; got abc\. The previous value, \d+, is kept\./);
  });

  it('gives each student their own numbers, the same ones every time, and checks their answers', async () => {
    const link = await compose();
    const rec = await openPage(session.context);
    await rec.page.goto(link);
    expect(await rec.page.locator('[data-set-meta]').innerText()).toContain('Enter your student id');
    await rec.page.fill('[data-student]', '<b>');
    await rec.page.click('[data-student-form] button[type=submit]');
    expect(await rec.page.locator('[data-student-error]').innerText()).toContain('“<b>” is not valid');
    await rec.page.fill('[data-student]', 's-001');
    await rec.page.click('[data-student-form] button[type=submit]');
    await rec.page.waitForSelector(`[data-exercise="${ID}"][data-ready]`);
    expect(await rec.page.locator('h1').innerText()).toBe('Week 3');
    const alice = await values(rec.page);
    expect(alice.join()).not.toBe('0.5000,0.6000,0.50');
    // The student's own numbers are what the checker expects.
    const [aT, aPrev, eta] = alice.map(Number);
    const sigma = eta * Math.sqrt((1 - aPrev) / (1 - aT)) * Math.sqrt(1 - aT / aPrev);
    expect(await verdict(await answer(rec.page, ID, 'sigma', sigma.toPrecision(6)))).toContain('Correct');
    await rec.page.reload();
    await rec.page.waitForSelector(`[data-exercise="${ID}"][data-ready]`);
    expect(await values(rec.page)).toEqual(alice);
    expect(await card(rec.page, ID).locator('[data-status]').getAttribute('data-status')).toBe('solved');
    const bobUrl = new URL(rec.page.url());
    bobUrl.searchParams.set('student', 's-002');
    await rec.page.goto(bobUrl.href);
    await rec.page.waitForSelector(`[data-exercise="${ID}"][data-ready]`);
    expect(await values(rec.page)).not.toEqual(alice);
    expect(await card(rec.page, ID).locator('[data-status]').getAttribute('data-status')).toBe('untried');
    // Solutions are hidden in this set; hints are allowed.
    expect(await card(rec.page, ID).locator('[data-solution]').count()).toBe(0);
    expect(await card(rec.page, ID).locator('[data-solution-locked]').isVisible()).toBe(true);
    expect(rec.pageErrors).toEqual([]);
    expect(rec.foreignRequests).toEqual([]);
  });

  it('prints a worksheet without solutions or answer keys, with room to answer', async () => {
    const link = await compose();
    const rec = await openPage(session.context);
    await rec.page.goto(`${link}&student=s-001`);
    await rec.page.waitForSelector(`[data-exercise="${ID}"][data-ready]`);
    await rec.page.emulateMedia({ media: 'print' });
    expect(await rec.page.locator('main').getAttribute('data-print-mode')).toBe('worksheet');
    expect(await card(rec.page, ID).locator('.ex-blank').isVisible()).toBe(true);
    expect(await card(rec.page, ID).locator('.ex-key').isVisible()).toBe(false);
    expect(await card(rec.page, ID).locator('.ex-solution-block').isVisible()).toBe(false);
    expect(await card(rec.page, ID).locator('button').first().isVisible()).toBe(false);
    expect(await rec.page.locator('.ex-set-lines').isVisible()).toBe(true);
    expect(await rec.page.locator('.site-header').isVisible()).toBe(false);
  });

  it('prints the answer key separately, one page per student, matching each student’s numbers', async () => {
    const { link, keyLink } = await composeLinks();
    const rec = await openPage(session.context);
    await rec.page.goto(`${link}&student=s-001`);
    await rec.page.waitForSelector(`[data-exercise="${ID}"][data-ready]`);
    const alice = await values(rec.page);
    // The key link carries its secret after '#', so the server never sees it.
    expect(new URL(keyLink).search).toBe(new URL(link).search);
    expect(new URL(keyLink).hash).toMatch(/^#key=[A-Za-z0-9_-]{22}$/);
    await rec.page.goto(keyLink);
    await rec.page.fill('[data-roster]', 's-001\ns-002');
    await rec.page.click('[data-roster-form] button[type=submit]');
    await rec.page.waitForSelector('.ex-key-page[data-key-student="s-002"]');
    const first = rec.page.locator('.ex-key-page[data-key-student="s-001"]');
    expect(await first.locator(`[data-exercise="${ID}"] .ex-prompt .ex-value`).allInnerTexts()).toEqual(alice);
    const [aT, aPrev, eta] = alice.map(Number);
    const sigma = eta * Math.sqrt((1 - aPrev) / (1 - aT)) * Math.sqrt(1 - aT / aPrev);
    const key = await first.locator(`[data-exercise="${ID}"] [data-key] [data-p="key.sigma"]`).innerText();
    expect(Math.abs(Number(key) - sigma) / sigma).toBeLessThan(1e-5);
    expect(await first.locator('[data-exercise="sampler-family/sigma-code"] .ex-key-code').innerText()).toContain('function sigma');
    await rec.page.emulateMedia({ media: 'print' });
    expect(await rec.page.locator('main').getAttribute('data-print-mode')).toBe('key');
    expect(await first.locator(`[data-exercise="${ID}"] [data-key]`).isVisible()).toBe(true);
    expect(await rec.page.locator('.ex-key-page').nth(1).evaluate((e) => getComputedStyle(e).breakBefore)).toBe('page');
    // An answer box is never split across two pages, and each page's title is printed once (the
    // key page's own heading; the set's heading line is hidden).
    expect(await first.locator('.ex-key').first().evaluate((e) => getComputedStyle(e).breakInside)).toBe('avoid');
    expect(await rec.page.locator('[data-set-meta]').isVisible()).toBe(false);
    expect(await first.locator('h2, h3').first().isVisible()).toBe(true);
    expect(rec.pageErrors).toEqual([]);
  });

  it('gives a student no way to the answer key: no link to it, no key in the cards, edited links refused', async () => {
    const { link, keyLink } = await composeLinks();
    const rec = await openPage(session.context);
    const token = new URL(keyLink).hash.slice('#key='.length);
    const forged = ['&key=1', '#key=1', `#key=${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`];
    for (const [i, suffix] of forged.entries()) {
      await rec.page.goto(`${link}&student=s-00${i + 1}${suffix}`);
      await rec.page.waitForSelector(`[data-exercise="${ID}"][data-ready]`);
      expect(await rec.page.locator('main').getAttribute('data-print-mode')).toBe('worksheet');
      expect(await rec.page.locator('.ex-key-page').count()).toBe(0);
      expect(await rec.page.locator('[data-roster-form]').isVisible()).toBe(false);
      // Solutions are off in this set: the cards carry no key and no solution at all.
      expect(await rec.page.locator('[data-set-cards] [data-key]').count()).toBe(0);
      expect(await rec.page.locator('[data-set-cards] [data-solution]').count()).toBe(0);
      const links = await rec.page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      expect(links.filter((h) => /key=/.test(h))).toEqual([]);
      const refused = rec.page.locator('[data-key-refused]');
      if (suffix.startsWith('#')) expect(await refused.innerText()).toContain('does not belong to this set');
      else expect(await refused.isVisible()).toBe(false);
    }
    expect(rec.pageErrors).toEqual([]);
    await rec.page.close();
  });

  it('explains a damaged or foreign link instead of showing a broken page', async () => {
    const link = await compose();
    const rec = await openPage(session.context);
    const cut = link.slice(0, link.length - 12);
    await rec.page.goto(cut);
    expect(await rec.page.locator('[data-set-error]').innerText()).toContain('This assignment link cannot be used: it was cut short or altered');
    await rec.page.goto(`${baseUrl()}/zh/exercises/set/?s=`);
    expect(await rec.page.locator('[data-set-error]').innerText()).toContain('这个作业链接无法使用');
    expect(rec.pageErrors).toEqual([]);
  });
});

describe('phone', () => {
  it.each(['/en/exercises/sampler-family/', '/zh/exercises/errata/', '/en/exercises/progress/'])('%s fits a 390 px screen', async (path) => {
    const phone = await session.browser.newContext({ viewport: { width: 390, height: 800 }, deviceScaleFactor: 1 });
    const page = await phone.newPage();
    await page.goto(baseUrl() + path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.close();
  });
});
