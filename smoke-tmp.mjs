import { chromium } from 'playwright-core';
import { serve } from './scripts/static-server.mjs';
const server = await serve('dist', { port: 0 });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
page.on('console', (m) => { if (m.type() === 'error') console.log('console:', m.text()); });
page.on('pageerror', (e) => console.log('pageerror:', e.message));
page.on('requestfailed', (r) => console.log('failed:', r.url()));
for (const p of ['/en/exercises/', '/zh/exercises/', '/en/exercises/progress/', '/en/exercises/sets/', '/en/exercises/set/', '/en/exercises/set/?s=abc.def', '/en/exercises/toy-lab/', '/zh/exercises/errata/']) {
  await page.goto(server.url + p); await page.waitForTimeout(800);
  console.log(p, '|', (await page.locator('main').innerText()).slice(0, 160).replace(/\n/g, ' / '));
}
await page.goto(server.url + '/en/exercises/sets/');
await page.locator('[data-pick][value="sampler-family/sigma-eta"]').check();
await page.locator('[data-pick][value="errata/noise-term"]').check();
await page.locator('[data-compose] button[type=submit]').click();
const link = await page.locator('[data-set-link]').inputValue();
console.log('link', link.length, link.slice(0, 90));
await page.goto(link + '&student=alice'); await page.waitForSelector('[data-exercise][data-ready]');
console.log('alice', (await page.locator('[data-exercise="sampler-family/sigma-eta"] .ex-prompt').innerText()).replace(/\n/g,' ').slice(0, 200));
await page.goto(link + '&student=bob'); await page.waitForSelector('[data-exercise][data-ready]');
console.log('bob', (await page.locator('[data-exercise="sampler-family/sigma-eta"] .ex-prompt').innerText()).replace(/\n/g,' ').slice(0, 200));
await page.goto(link + '&key=1'); await page.waitForTimeout(1000);
await page.locator('[data-roster]').fill('alice\nbob'); await page.locator('[data-roster-form] button[type=submit]').click(); await page.waitForTimeout(300);
console.log('keys', await page.locator('.ex-key-page').count(), (await page.locator('.ex-key-page').first().locator('[data-key]').first().innerText()).replace(/\n/g, ' ').slice(0, 200));
await browser.close(); await server.close();
