import { chromium } from 'playwright-core';
import { serve } from './scripts/static-server.mjs';
const server = await serve('dist', { port: 0 });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const ctx = await browser.newContext({ viewport: { width: 1100, height: 900 } });
const page = await ctx.newPage();
page.on('pageerror', (e) => console.log('pageerror', e.message));
async function ans(id, part, v) {
  const f = page.locator(`[data-exercise="${id}"] form[data-part="${part}"]`);
  await f.scrollIntoViewIfNeeded();
  if ((await f.getAttribute('data-part-kind')) === 'code') { await f.locator('.cm-content').waitFor(); await f.locator('.cm-content').click(); await page.keyboard.press('Control+A'); await page.keyboard.insertText(v); }
  else await f.locator('[data-answer]').fill(v);
  await f.locator('button[type=submit]').click(); await page.waitForTimeout(1200);
}
await page.goto(server.url + '/en/exercises/sampler-family/');
await page.locator('[data-exercise]').first().scrollIntoViewIfNeeded(); await page.waitForSelector('[data-exercise][data-ready]');
await ans('sampler-family/sigma-eta', 'sigma', '0.1826');
await ans('sampler-family/update-formula', 'update', 'sqrt(a_prev)*(x_t - sqrt(1-a_t)*eps)/sqrt(a_t) + sqrt(1 - a_prev - sigma^2)*eps + sigma^2*z');
await page.locator('[data-exercise="sampler-family/sigma-eta"]').screenshot({ path: '/tmp/s1.png' });
await page.locator('[data-exercise="sampler-family/update-formula"]').screenshot({ path: '/tmp/s2.png' });
await ans('sampler-family/sigma-code', 'code', 'function sigma(alphaT, alphaPrev, eta) {\n  while (true) {}\n}');
await page.waitForTimeout(2500);
await page.locator('[data-exercise="sampler-family/sigma-code"]').screenshot({ path: '/tmp/s3.png' });
const pred = page.locator('[data-exercise="sampler-family/eta-zero-predict"]');
await pred.locator('input[value=identical]').check(); await pred.locator('form button[type=submit]').click(); await page.waitForTimeout(300);
await pred.locator('[data-hint-next]').click();
await pred.locator('[data-lab-run]').click(); await page.waitForTimeout(1500);
await pred.locator('summary').click();
await pred.screenshot({ path: '/tmp/s4.png' });
// zh
await page.goto(server.url + '/zh/exercises/errata/');
await page.locator('[data-exercise]').first().scrollIntoViewIfNeeded(); await page.waitForSelector('[data-exercise][data-ready]');
const e1 = page.locator('[data-exercise="errata/noise-term"]');
await e1.locator('input[value=direction]').check(); await e1.locator('form[data-part=term] button').click(); await page.waitForTimeout(300);
await ans('errata/noise-term', 'coef', 'sigma^2');
await e1.locator('[data-hint-next]').click();
await e1.screenshot({ path: '/tmp/z1.png' });
await browser.close(); await server.close();
