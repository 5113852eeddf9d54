/**
 * Damaged and full storage on the exercise pages: a damaged set-aside record can be inspected and
 * deleted on the progress page; a damaged entry too large to set aside is reported as damaged
 * (not as "storage full"); a refused save is said inside the card being answered and goes away
 * when a later save of that card succeeds.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, openPage } from './harness.ts';
import { answer, card, freshContexts, openExercises, verdict } from './exercises-helpers.ts';

const SF = '/en/exercises/sampler-family/';
const fresh = freshContexts();

/** Fill localStorage until it refuses more; returns the junk keys written. */
function fillStorage(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const keys: string[] = [];
    for (let size = 1 << 20; size >= 16; size >>= 1) {
      for (;;) {
        const key = `junk/${keys.length}`;
        try {
          localStorage.setItem(key, 'j'.repeat(size));
          keys.push(key);
        } catch {
          break;
        }
      }
    }
    return keys;
  });
}

describe('exercise storage', () => {
  it('lists a damaged set-aside record on the progress page and deletes it on request', async () => {
    const ctx = await fresh(() => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('ddim-notebook/set-aside/a', '{"raw":"x"}');
      localStorage.setItem('ddim-notebook/set-aside/b', 'not json at all');
    });
    const rec = await openPage(ctx);
    await rec.page.goto(`${baseUrl()}/en/exercises/progress/`);
    await rec.page.waitForSelector('[data-set-aside]:not([hidden])');
    const items = await rec.page.locator('[data-set-aside-list] li').allInnerTexts();
    expect(items).toHaveLength(2);
    expect(items.join('\n')).toContain('ddim-notebook/set-aside/a');
    expect(rec.pageErrors).toEqual([]);
    rec.page.once('dialog', (d) => void d.accept());
    await rec.page.locator('[data-set-aside-delete]').click();
    await rec.page.waitForSelector('[data-set-aside][hidden]', { state: 'attached' });
    expect(await rec.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ddim-notebook/set-aside/')))).toEqual([]);
  });

  it('reports a damaged entry too large to set aside as damaged, and says nothing about a full storage before anything is answered', async () => {
    const ctx = await fresh(() => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('ddim-notebook/exercise/v1/sampler-family/sigma-eta@default', 'x'.repeat(4_500_000));
    });
    const rec = await openExercises(ctx, SF);
    const notice = rec.page.locator('[data-store-notice]').first();
    await notice.waitFor();
    const text = await notice.innerText();
    expect(text).toContain('1 saved item(s) are damaged and could not be used');
    expect(text).not.toContain('storage is full');
    expect(await rec.page.locator('[data-card-store-notice]').count()).toBe(0);
    await notice.locator('a').click();
    await rec.page.waitForSelector('[data-set-aside]:not([hidden])');
    expect(await rec.page.locator('[data-set-aside-list] li').first().innerText()).toContain('sigma-eta@default');
    // The link lands on the set-aside section (below the fold), not at the top of the page.
    expect(new URL(rec.page.url()).hash).toBe('#set-aside');
    await rec.page.waitForFunction(() => {
      const top = document.querySelector('#ex-set-aside-title')!.getBoundingClientRect().top;
      return top >= 0 && top < innerHeight;
    });
    expect(rec.pageErrors).toEqual([]);
  });

  it('says a refused save inside the card answered, and removes it once that card saves again', async () => {
    const rec = await openExercises(await fresh(), SF);
    const junk = await fillStorage(rec.page);
    expect(junk.length).toBeGreaterThan(0);
    const id = 'sampler-family/sigma-hat-ratio';
    expect(await verdict(await answer(rec.page, id, 'ratio', '1'))).toContain('Not within');
    const cardNotice = card(rec.page, id).locator('[data-card-store-notice]');
    await cardNotice.waitFor();
    expect(await cardNotice.innerText()).toContain('Not saved');
    // Right under the form just answered, not at the top of the page.
    const formBox = (await card(rec.page, id).locator('form[data-part="ratio"]').boundingBox())!;
    const noticeBox = (await cardNotice.boundingBox())!;
    expect(noticeBox.y - (formBox.y + formBox.height)).toBeGreaterThanOrEqual(-1);
    expect(noticeBox.y - (formBox.y + formBox.height)).toBeLessThan(100);
    await rec.page.evaluate((keys) => keys.forEach((k) => localStorage.removeItem(k)), junk);
    expect(await verdict(await answer(rec.page, id, 'ratio', '2'))).toContain('Not within');
    await cardNotice.waitFor({ state: 'detached' });
    expect(await rec.page.locator('[data-store-notice]').first().isHidden()).toBe(true);
    expect(rec.pageErrors).toEqual([]);
  });
});
