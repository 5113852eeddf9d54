/** Helpers shared by the lab's browser tests. */
import type { Locator, Page } from 'playwright-core';

/** Scroll a lab widget into view and wait until it is mounted and (by default) has finished a run. */
export async function ready(page: Page, kind: string, done = '[data-num-tensors]'): Promise<Locator> {
  const sel = `[data-widget="${kind}"]`;
  await page.locator(sel).scrollIntoViewIfNeeded();
  await page.waitForSelector(`${sel}[data-state="ready"]`, { timeout: 300_000 });
  if (done) await page.waitForSelector(`${sel}${done}`, { timeout: 300_000 });
  return page.locator(sel);
}

/** Type a value into a parameter's text box and commit it. */
export async function commit(widget: Locator, name: string, raw: string): Promise<void> {
  const input = widget.locator(`[data-param="${name}"]`);
  await input.fill(raw);
  await input.press('Tab');
}
