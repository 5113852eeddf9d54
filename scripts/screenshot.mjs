#!/usr/bin/env node
/**
 * Screenshots of built pages, for reviewing layout by eye (not part of the tests).
 * Usage: node scripts/screenshot.mjs <path> [out.png] [--width 1280] [--dark] [--print] [--scroll selector] [--clip y,height] [--pdf]
 */
import { chromium } from 'playwright-core';
import { serve } from './static-server.mjs';
import { chromiumPath, INSTALL_HINT } from './chromium-path.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const [path = '/en/', out = 'screenshot.png'] = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const executablePath = chromiumPath();
if (!executablePath) throw new Error(INSTALL_HINT);

const server = await serve('dist', { port: 0 });
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--disable-background-networking'] });
const page = await browser.newPage({
  viewport: { width: Number(option('--width', 1280)), height: Number(option('--height', 900)) },
  colorScheme: flag('--dark') ? 'dark' : 'light',
  deviceScaleFactor: 1,
});
await page.goto(server.url + path, { waitUntil: 'networkidle' });
if (flag('--print')) await page.emulateMedia({ media: 'print' });
const scroll = option('--scroll', null);
if (scroll) {
  await page.locator(scroll).first().scrollIntoViewIfNeeded();
  await page.waitForTimeout(Number(option('--wait', 4000)));
}
if (flag('--pdf')) {
  // A real print: paged PDF through Chromium's print pipeline (A4), what an instructor would get.
  await page.pdf({ path: out, format: 'A4', printBackground: false, margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } });
  await browser.close();
  await server.close();
  console.log(`wrote ${out}`);
  process.exit(0);
}
const clip = option('--clip', null);
if (clip) {
  const [y, h] = clip.split(',').map(Number);
  await page.screenshot({ path: out, fullPage: true, clip: { x: 0, y, width: page.viewportSize().width, height: h } });
} else {
  await page.screenshot({ path: out, fullPage: !scroll });
}
await browser.close();
await server.close();
console.log(`wrote ${out}`);
