/**
 * A chapter missing in one language still gets its page there: the real build is run on a copy of
 * the content with one Chinese chapter removed, and the Chinese URL must serve the English text under
 * a visible notice, with <html lang="zh-CN"> and the text itself marked lang="en".
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve('.');
const work = mkdtempSync(join(tmpdir(), 'ddim-fallback-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a missing translation', () => {
  it('builds a page with a visible notice instead of a 404', () => {
    // Astro resolves modules by real path, so the sources are copied; only node_modules is linked.
    for (const name of ['src', 'public', 'content', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
      cpSync(join(root, name), join(work, name), { recursive: true });
    }
    symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'));
    const slug = readdirSync(join(work, 'content/zh')).find((f) => f.endsWith('.mdx'))!.replace(/\.mdx$/, '');
    rmSync(join(work, 'content/zh', `${slug}.mdx`));
    // process.execPath is the Node 22 running the tests (the system Node may be older).
    execFileSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', work], {
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: 'pipe',
    });
    const page = join(work, 'dist/zh', slug, 'index.html');
    expect(existsSync(page)).toBe(true);
    const html = readFileSync(page, 'utf8');
    expect(html).toContain('<html lang="zh-CN"');
    expect(html).toMatch(/<p class="notice notice-untranslated"[^>]*data-untranslated[^>]*>本章还没有中文版/);
    expect(html).toMatch(/<main[^>]*data-chapter="[^"]+"[^>]*lang="en"/);
    expect(readFileSync(join(work, 'dist/en', slug, 'index.html'), 'utf8')).not.toContain('data-untranslated');
    // A full production build: about 2 minutes on an idle 2-core machine, several when it is shared.
  }, 1_800_000);
});
