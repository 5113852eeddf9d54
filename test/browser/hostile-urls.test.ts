/**
 * Gate: hostile URLs. For every page with widgets, FUZZ_PER_PAGE seeded query strings (half on the
 * English page, half on the Chinese one) (fuzz/queries.ts): out-of-range, boundary, NaN / Infinity, huge N, text, empty, repeated
 * and unknown keys, 10,000-character values, unicode and script-injection payloads. One browser
 * page is reused and navigated; widgets stay idle (small viewport) except for a sample that is run
 * to its first state. Each URL must leave no uncaught error, no CSP violation, no NaN or Infinity
 * in a widget's output or status, no executed payload, no frozen page, and a message naming each
 * parameter given an invalid value. The counts are printed. FUZZ_PER_PAGE and FUZZ_CHAPTERS (comma-separated
 * slugs) narrow a local run; the expected total follows them.
 */
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { baseUrl, openPage } from './harness.ts';
import { hostileQueries, type FuzzParam } from './fuzz/queries.ts';
import { CHAPTERS as ALL_CHAPTERS } from '../../src/core/claims/types.ts';

const FUZZ_PER_PAGE = Number(process.env.FUZZ_PER_PAGE ?? 200);
/** Every chapter (each has widgets; a chapter added to the registry is fuzzed without editing this file). */
const CHAPTERS = process.env.FUZZ_CHAPTERS?.split(',') ?? ALL_CHAPTERS;
/** Query i of a chapter goes to its English page when i is even, its Chinese page when odd. */
const PAGES = CHAPTERS.map((c) => `/${c}/`);
const inLanguage = (path: string, i: number) => `/${i % 2 === 0 ? 'en' : 'zh'}${path}`;
/** How long a page may take to answer a trivial evaluate before it counts as frozen. */
const FROZEN_MS = 15_000;
/** How long a late message may take to appear once the page has answered. */
const MESSAGE_MS = 3_000;
/** Browser tabs fuzzing at once. */
const TABS = 1;

// Its own Chromium without a GPU process: pages are rasterised in software, far cheaper than
// SwiftShader for thousands of navigations (WebGL is then unavailable; widgets use wasm).
let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: inject('chromium'), args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--no-first-run'] });
  context = await browser.newContext({ viewport: { width: 1000, height: 300 } });
});
afterAll(async () => {
  await browser?.close();
});

interface Check {
  missingMessage: string[];
  nanShown: string[];
}

async function paramsOf(page: Page): Promise<(FuzzParam & { label: string })[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-widget]')].flatMap((root) =>
      [...root.querySelectorAll<HTMLElement>('[data-param]')].map((control) => {
        const name = control.dataset.param!;
        const row = root.querySelector<HTMLElement>(`[data-param-row="${name}"]`);
        const label = (row?.querySelector('label')?.textContent ?? '').trim();
        const slider = root.querySelector<HTMLInputElement>(`[data-param-slider="${name}"]`);
        const base = { widget: root.dataset.prefix ?? root.id, name, label };
        if (control instanceof HTMLSelectElement) return { ...base, kind: 'enum' as const, choices: [...control.options].map((o) => o.value) };
        if (control instanceof HTMLInputElement && control.type === 'checkbox') return { ...base, kind: 'bool' as const };
        // The accepted range is on the text box (the slider may stop short of it: typed values go further).
        if (slider) return { ...base, kind: 'number' as const, min: Number(control.dataset.min ?? slider.min), max: Number(control.dataset.max ?? slider.max), integer: control.getAttribute('inputmode') === 'numeric' };
        return { ...base, kind: control.getAttribute('inputmode') === 'decimal' ? ('list' as const) : ('timesteps' as const) };
      }),
    ),
  );
}

/** True once every parameter given an invalid value shows a message naming it (runs in the page). */
function inspectMessages({ invalid, labels }: { invalid: string[]; labels: Record<string, string> }): boolean {
  return invalid.every((key) => {
    const dot = key.indexOf('.');
    const root = document.querySelector(`[data-widget][data-prefix="${key.slice(0, dot)}"]`);
    const slot = root?.querySelector<HTMLElement>(`[data-param-error="${key.slice(dot + 1)}"]`);
    return Boolean(slot && !slot.hidden && (slot.textContent ?? '').includes(labels[key]));
  });
}

/** What the page shows for one query: messages for the invalid parameters, NaN / Infinity in outputs. */
async function inspect(page: Page, invalid: string[], labels: Record<string, string>): Promise<Check> {
  return page.evaluate(
    ({ invalid, labels }) => {
      const missingMessage: string[] = [];
      for (const key of invalid) {
        const dot = key.indexOf('.');
        const root = document.querySelector(`[data-widget][data-prefix="${key.slice(0, dot)}"]`);
        const slot = root?.querySelector<HTMLElement>(`[data-param-error="${key.slice(dot + 1)}"]`);
        const text = slot?.textContent ?? '';
        if (slot?.hidden || !text.includes(labels[key])) missingMessage.push(`${key}: "${text.slice(0, 120)}"`);
      }
      const nanShown: string[] = [];
      for (const el of document.querySelectorAll<HTMLElement>('[data-widget] [data-output], [data-widget] [data-status], [data-widget] [data-print]')) {
        const text = el.textContent ?? '';
        if (/\bNaN\b|Infinity|−?∞/.test(text)) nanShown.push(`${el.closest('[data-widget]')?.id}: ${text.slice(0, 80)}`);
      }
      return { missingMessage, nanShown };
    },
    { invalid, labels },
  );
}

describe('gate: hostile URLs on every widget page', () => {
  it(`${FUZZ_PER_PAGE} seeded hostile query strings per page leave no error, no NaN, no executed payload, no frozen page, and name each bad parameter`, async () => {
    const rec = await openPage(context);
    const page = rec.page;
    const pwned: string[] = [];
    // More tabs can share the URLs (TABS); on a 2-core machine two were no faster than one, the
    // work being the parse and layout of 0.5–1.2 MB pages (about 0.55 s per URL, idle).
    const tabs = [rec, ...(await Promise.all(Array.from({ length: TABS - 1 }, () => openPage(context))))];
    for (const tab of tabs) await tab.page.exposeFunction('__fuzzPwned', (what: unknown) => pwned.push(String(what)));
    const failures: Record<string, string[]> = { uncaught: [], nan: [], executed: [], frozen: [], noMessage: [] };
    const kindsSeen = new Map<string, number>();
    let total = 0;
    let runs = 0;
    const started = Date.now();
    for (const [p, path] of PAGES.entries()) {
      await page.goto(baseUrl() + inLanguage(path, 0), { waitUntil: 'domcontentloaded' });
      const params = (await paramsOf(page)).filter((x) => x.widget !== 'bench');
      expect(params.length, path).toBeGreaterThan(0);
      const labelsEn = Object.fromEntries(params.map((x) => [`${x.widget}.${x.name}`, x.label]));
      await page.goto(baseUrl() + inLanguage(path, 1), { waitUntil: 'domcontentloaded' });
      const labelsZh = Object.fromEntries((await paramsOf(page)).map((x) => [`${x.widget}.${x.name}`, x.label]));
      const queries = hostileQueries(params, FUZZ_PER_PAGE, 2021 + p);
      const fuzzOne = async (tab: typeof rec, i: number) => {
        const q = queries[i];
        total++;
        for (const k of q.kinds) kindsSeen.set(k, (kindsSeen.get(k) ?? 0) + 1);
        const errorsBefore = tab.pageErrors.length;
        const url = inLanguage(path, i);
        const labels = i % 2 === 0 ? labelsEn : labelsZh;
        const where = `${url}${q.search.slice(0, 160)}`;
        try {
          await tab.page.goto(baseUrl() + url + q.search, { waitUntil: 'domcontentloaded', timeout: FROZEN_MS * 2 });
          await tab.page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('[data-widget]')].every((w) => w.dataset.state), null, { timeout: FROZEN_MS });
        } catch (error) {
          failures.frozen.push(`${where}: ${(error as Error).message.split('\n')[0]}`);
          return;
        }
        let check = await inspect(tab.page, q.invalid, labels);
        if (check.missingMessage.length > 0) {
          // A widget that is still starting may write its message a moment later: wait for the
          // messages (a few seconds at most) before calling them missing.
          await tab.page.waitForFunction(inspectMessages, { invalid: q.invalid, labels }, { timeout: MESSAGE_MS }).catch(() => undefined);
          check = await inspect(tab.page, q.invalid, labels);
        }
        failures.noMessage.push(...check.missingMessage.map((m) => `${where} → ${m}`));
        failures.nan.push(...check.nanShown.map((m) => `${where} → ${m}`));
        failures.uncaught.push(...tab.pageErrors.slice(errorsBefore).map((e) => `${where} → ${e}`));
      };
      let next = 0;
      await Promise.all(
        tabs.map(async (tab) => {
          while (next < queries.length) await fuzzOne(tab, next++);
        }),
      );
      // Once per page, the last query that targets a tfjs widget runs it to its first result
      // state (ready or failed, not the end of a long sampling); the page must stay responsive.
      const runnable = [...queries].reverse().find((q) => /[?&](fwd|sampler|lemma|checks|consistency|interp|inversion|rerun|spacing|inspector|step-rerun|data|train|table1)\./.test(q.search));
      if (runnable) {
        const target = runnable.search.match(/[?&]([a-z0-9-]+)\./)![1];
        const url = inLanguage(path, 0);
        const where = `${url}${runnable.search.slice(0, 160)} (running ${target})`;
        const errorsBefore = rec.pageErrors.length;
        try {
          await page.goto(baseUrl() + url + runnable.search, { waitUntil: 'domcontentloaded', timeout: FROZEN_MS * 2 });
          const root = page.locator(`[data-widget][data-prefix="${target}"]`);
          if ((await root.count()) === 1) {
            await root.scrollIntoViewIfNeeded();
            await page.waitForSelector(`[data-widget][data-prefix="${target}"]:is([data-state="ready"], [data-state="failed"])`, { timeout: 90_000 });
            await Promise.race([page.evaluate(() => 1), new Promise((_, reject) => setTimeout(() => reject(new Error('no answer')), FROZEN_MS))]);
            runs++;
          }
        } catch (error) {
          failures.frozen.push(`${where}: ${(error as Error).message.split('\n')[0]}`);
        }
        const check = await inspect(page, runnable.invalid, labelsEn);
        failures.nan.push(...check.nanShown.map((m) => `${where} → ${m}`));
        failures.uncaught.push(...rec.pageErrors.slice(errorsBefore).map((e) => `${where} → ${e}`));
      }
    }
    failures.executed.push(...pwned);
    const counts = Object.fromEntries(Object.entries(failures).map(([k, v]) => [k, v.length]));
    console.log(
      `hostile URLs: ${FUZZ_PER_PAGE} per widget page (half /en/, half /zh/) × ${PAGES.length} pages = ${total} URLs in ${((Date.now() - started) / 1000).toFixed(0)} s (${runs} widgets run); value kinds: ${[...kindsSeen].map(([k, n]) => `${k} ${n}`).join(', ')}; failures by kind: ${JSON.stringify(counts)}`,
    );
    for (const [kind, list] of Object.entries(failures)) if (list.length) console.log(`${kind}:\n  ${list.slice(0, 15).join('\n  ')}`);
    expect(counts).toEqual({ uncaught: 0, nan: 0, executed: 0, frozen: 0, noMessage: 0 });
    expect(total).toBe(FUZZ_PER_PAGE * PAGES.length);
    // FUZZ_PER_PAGE may be lowered by hand while working; the gate itself needs at least 200.
    expect(FUZZ_PER_PAGE, 'hostile URLs per page').toBeGreaterThanOrEqual(200);
    await Promise.all(tabs.map((tab) => tab.page.close()));
  }, 5_400_000); // 1,600 navigations: about 15 min on an idle 2-core machine, 30 at load 9–14.
});
