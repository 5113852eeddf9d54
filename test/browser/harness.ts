/**
 * Shared browser-test plumbing: one Chromium per test file, pages that record what a reader
 * would not want (console errors, uncaught exceptions, requests to other hosts, failed requests).
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

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

export async function openPage(context: BrowserContext): Promise<Recorded> {
  const page = await context.newPage();
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
