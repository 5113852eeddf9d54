/**
 * The Content-Security-Policy as built: every page carries the same meta tag, and nothing in the
 * built HTML needs more than it allows (no inline script, no inline event handler, no javascript:
 * URL, no script from another host). Violations at run time are reported by every browser test
 * (harness.ts turns each `securitypolicyviolation` event into a page error); here the pages with
 * widgets, exercises and the code sandbox are opened once each to check the policy lets them work.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseUrl, browserSession, builtPages, openPage } from './harness.ts';
import { cspContent } from '../../src/security/csp.ts';

const html = (path: string) => readFileSync(join('dist', path, 'index.html'), 'utf8');
const session = browserSession({ viewport: { width: 1200, height: 800 } });

describe('Content-Security-Policy', () => {
  const pages = builtPages();

  it('is one meta tag, the same on every page (404 included), and forbids inline script and eval', () => {
    const policy = cspContent();
    expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval'(;|$)/);
    const scriptSrc = /script-src ([^;]*)/.exec(policy)![1];
    expect(scriptSrc).not.toMatch(/'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|\*|https?:|data:|blob:/);
    expect(policy).not.toContain("'unsafe-eval'");
    for (const path of pages) {
      const tags = html(path).match(/<meta http-equiv="Content-Security-Policy" content="[^"]*"/g) ?? [];
      expect(tags, path).toHaveLength(1);
      expect(tags[0]!.replaceAll('&#39;', "'"), path).toContain(policy);
    }
    expect(readFileSync('dist/404.html', 'utf8').replaceAll('&#39;', "'")).toContain(policy);
  });

  it('leaves no inline script, inline handler or javascript: URL in the built HTML', () => {
    const problems: string[] = [];
    for (const path of [...pages, '404.html']) {
      const text = path.endsWith('.html') ? readFileSync(join('dist', path), 'utf8') : html(path);
      for (const m of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
        const attrs = m[1];
        const isData = /type="application\/json"/.test(attrs);
        if (!isData && m[2].trim() !== '') problems.push(`${path}: inline script`);
        if (/src="(https?:)?\/\//.test(attrs)) problems.push(`${path}: script from another host`);
      }
      for (const m of text.matchAll(/<[a-z][^>]*\son[a-z]+="[^"]*"/g)) problems.push(`${path}: inline handler ${m[0].slice(0, 60)}`);
      if (/href="javascript:/i.test(text)) problems.push(`${path}: javascript: URL`);
    }
    expect(problems).toEqual([]);
  });

  it('the code sandbox frame has its own policy with no network at all', () => {
    const sandbox = readFileSync('dist/sandbox/code-runner.html', 'utf8');
    const policy = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(sandbox)?.[1] ?? '';
    expect(policy).toContain("connect-src 'none'");
    expect(policy).toContain("default-src 'none'");
    expect(policy).not.toContain('unsafe-eval');
    expect(readdirSync('dist/sandbox').sort()).toEqual(['code-runner.html', 'code-runner.js']);
  });

  for (const path of ['/en/', '/en/forward-process/', '/zh/toy-lab/', '/en/exercises/sampler-family/']) {
    it(`reports no violation while ${path} loads and its first widget or exercise starts`, async () => {
      const rec = await openPage(session.context);
      await rec.page.goto(baseUrl() + path);
      const widget = rec.page.locator('[data-widget]').first();
      if ((await widget.count()) > 0) {
        await widget.scrollIntoViewIfNeeded();
        await rec.page.waitForSelector('[data-widget]:is([data-state="ready"], [data-state="failed"])', { timeout: 90_000 });
      }
      const exercise = rec.page.locator('[data-exercise]').first();
      if ((await exercise.count()) > 0) {
        await exercise.scrollIntoViewIfNeeded();
        await rec.page.waitForSelector('[data-exercise][data-ready]');
      }
      expect(rec.cspViolations).toEqual([]);
      expect(rec.pageErrors).toEqual([]);
      await rec.page.close();
    });
  }
});
