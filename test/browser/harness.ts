/**
 * Shared browser-test plumbing: one Chromium per test file, pages that record what a reader
 * would not want (console errors, uncaught exceptions, requests to other hosts, failed requests).
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';

export const baseUrl = () => inject('baseUrl');

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: inject('chromium'),
    args: [
      '--no-sandbox',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--enable-unsafe-swiftshader',
      '--use-angle=swiftshader',
    ],
  });
}

/**
 * One Chromium and one browser context for the whole test file: launched before the first test,
 * closed after the last. Read `session.context` inside tests (it exists once beforeAll has run).
 */
export function browserSession(options: BrowserContextOptions = {}): { readonly browser: Browser; readonly context: BrowserContext } {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    browser = await launch();
    context = await browser.newContext(options);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('browserSession: used before beforeAll ran');
      return browser;
    },
    get context() {
      if (!context) throw new Error('browserSession: used before beforeAll ran');
      return context;
    },
  };
}

export interface Recorded {
  page: Page;
  consoleErrors: string[];
  pageErrors: string[];
  foreignRequests: string[];
  failedRequests: string[];
  requests: string[];
  /** CSP violations (also pushed to pageErrors). */
  cspViolations: string[];
}

/**
 * Reports every Content-Security-Policy violation of a page (and of its frames) to the test as a
 * page error, so that every test asserting "no page errors" also asserts "no CSP violation".
 */
async function reportCspViolations(page: Page, rec: Recorded): Promise<void> {
  await page.exposeBinding('__reportCspViolation', (_source, text: string) => {
    rec.pageErrors.push(`CSP violation: ${text}`);
    rec.cspViolations.push(text);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __reportCspViolation?: (t: string) => void }).__reportCspViolation;
      report?.(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} in ${e.sourceFile || e.documentURI}:${e.lineNumber}`);
    });
  });
}

/** Pages opened by openPage() in this test file and not yet closed. */
const openPages = new Set<Page>();

/**
 * Every page a test opened is closed after it, pass or fail: a failing test must not leave tfjs
 * running in the background to slow down (and skew) the next one.
 */
afterEach(async () => {
  const pages = [...openPages];
  openPages.clear();
  await Promise.all(pages.map((p) => p.close().catch(() => undefined)));
});

/**
 * Playwright's own waits (selectors, actions, navigation) default to 30 s, too short for a page that
 * loads tfjs on a shared 2-core machine. Waits end on states; this only bounds a stuck one.
 */
export const WAIT_LIMIT = 180_000;

export async function openPage(context: BrowserContext): Promise<Recorded> {
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_LIMIT);
  page.setDefaultNavigationTimeout(WAIT_LIMIT);
  openPages.add(page);
  page.on('close', () => openPages.delete(page));
  const rec: Recorded = { page, consoleErrors: [], pageErrors: [], foreignRequests: [], failedRequests: [], requests: [], cspViolations: [] };
  await reportCspViolations(page, rec);
  page.on('console', (m) => {
    if (m.type() === 'error') rec.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => rec.pageErrors.push(String(e)));
  page.on('request', (r) => {
    rec.requests.push(r.url());
    const url = new URL(r.url());
    if (!['data:', 'blob:', 'about:'].includes(url.protocol) && url.hostname !== '127.0.0.1') rec.foreignRequests.push(r.url());
  });
  page.on('requestfailed', (r) => rec.failedRequests.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
  return rec;
}

/** Every built HTML page as a site path ("/en/forward-process/"), 404.html excluded. */
export function builtPages(dir = 'dist'): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name === 'index.html') out.push('/' + relative(dir, d).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.map((p) => (p === '/' ? '/' : p + '/')).sort();
}

/**
 * A numeric data attribute, read strictly: a missing attribute, an empty one or one that is not a
 * finite number fails the test instead of reading as 0 (Number(null) === 0 would pass `< 1e-4`).
 */
export async function numberAttr(target: { getAttribute(name: string): Promise<string | null> }, name: string): Promise<number> {
  const raw = await target.getAttribute(name);
  expect(raw, `attribute ${name} is present`).not.toBeNull();
  expect(raw!.trim(), `attribute ${name} is not empty`).not.toBe('');
  const value = Number(raw);
  expect(Number.isFinite(value), `attribute ${name}="${raw}" is a finite number`).toBe(true);
  return value;
}

/**
 * Let the page handle everything already queued: `frames` animation frames, then one macrotask.
 * For "nothing changes after X" checks: it waits for the page to have moved on (frames, which a
 * busy machine delays but never skips), not for a number of milliseconds.
 */
export async function quiesce(page: Page, frames = 3): Promise<void> {
  await page.evaluate(
    (n) =>
      new Promise<void>((resolve) => {
        let left = n;
        const tick = () => (--left <= 0 ? setTimeout(resolve, 0) : requestAnimationFrame(tick));
        requestAnimationFrame(tick);
      }),
    frames,
  );
}

/** A timer scheduled now in the page fires (the main thread is not blocked); resolves when it has. */
export async function timerFires(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
}
