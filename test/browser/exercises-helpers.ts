/** Helpers for the exercise browser tests: open a page with exercises mounted, answer a part. */
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { baseUrl, launch, openPage, type Recorded } from './harness.ts';

/**
 * One browser for the test file and a fresh context (empty storage) per call, closing the previous
 * one; `seed` runs in every page of the context before its scripts (to plant storage, say).
 */
export function freshContexts(): (seed?: (arg: unknown) => void, arg?: unknown) => Promise<BrowserContext> {
  let browser: Browser;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return async (seed, arg) => {
    await context?.close();
    context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
    if (seed) await context.addInitScript(seed, arg);
    return context;
  };
}

export async function openExercises(context: BrowserContext, path: string): Promise<Recorded> {
  const rec = await openPage(context);
  await rec.page.goto(baseUrl() + path);
  await rec.page.locator('[data-exercise]').first().scrollIntoViewIfNeeded();
  await rec.page.waitForSelector('[data-exercise][data-ready]');
  return rec;
}

export const card = (page: Page, id: string): Locator => page.locator(`[data-exercise="${id}"]`);

/** Type an answer into a part (a text box, or the code editor once it has loaded) and submit it. */
export async function answer(page: Page, id: string, part: string, value: string): Promise<Locator> {
  const form = card(page, id).locator(`form[data-part="${part}"]`);
  await form.scrollIntoViewIfNeeded();
  const editor = form.locator('.cm-content');
  if ((await form.getAttribute('data-part-kind')) === 'code') {
    await editor.waitFor({ timeout: 300_000 });
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText(value);
  } else {
    await form.locator('[data-answer]').fill(value);
  }
  await form.locator('button[type=submit]').click();
  return form.locator('[data-feedback]');
}

/** Wait until a feedback region shows a verdict (not the "checking…" line). */
export async function verdict(feedback: Locator, timeout = 120_000): Promise<string> {
  await feedback.locator('xpath=self::*[@data-tone="correct" or @data-tone="wrong"]').waitFor({ timeout });
  return (await feedback.innerText()).replace(/\s+/g, ' ');
}
