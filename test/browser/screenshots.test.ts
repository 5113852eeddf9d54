/**
 * A few views compared with committed reference screenshots (test/browser/screenshots/*.png), so a
 * change in what a reader sees (typesetting, layout, theme) shows up as a failing test with a diff
 * image. pixelmatch (anti-aliasing ignored, colour threshold 0.1); a view passes when at most
 * MAX_DIFF of its pixels differ. The views are the top of pages, before any widget mounts.
 *
 * Update the references after an intended change (then look at them before committing):
 *   npm run build && UPDATE_SCREENSHOTS=1 npx vitest run --project browser test/browser/screenshots.test.ts
 * A failing run writes <name>.actual.png and <name>.diff.png to test-results/screenshots/.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { baseUrl, browserSession, openPage } from './harness.ts';

const REFERENCES = 'test/browser/screenshots';
const RESULTS = 'test-results/screenshots';
const MAX_DIFF = 0.002;
const update = process.env.UPDATE_SCREENSHOTS === '1';

const VIEWS = [
  { name: 'home-en-1280-light', path: '/en/', width: 1280, height: 800, scheme: 'light' },
  { name: 'home-zh-390-dark', path: '/zh/', width: 390, height: 844, scheme: 'dark' },
  { name: 'n-step-jump-en-1280-light', path: '/en/n-step-jump/', width: 1280, height: 900, scheme: 'light' },
  { name: 'n-step-jump-zh-390-dark', path: '/zh/n-step-jump/', width: 390, height: 844, scheme: 'dark' },
] as const;

const session = browserSession();

describe('reference screenshots', () => {
  it('have the CJK font the Chinese views were taken with', () => {
    // Without it Chinese text renders as boxes and every zh view differs: install, do not skip.
    const fonts = execFileSync('fc-list', ['--format', '%{family}\n'], { encoding: 'utf8' });
    expect(fonts, 'install fonts-wqy-zenhei (apt-get install -y fonts-wqy-zenhei)').toMatch(/WenQuanYi Zen Hei/);
  });

  it.each(VIEWS)('$name matches its reference', async ({ name, path, width, height, scheme }) => {
    const rec = await openPage(session.context);
    try {
      await rec.page.setViewportSize({ width, height });
      await rec.page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await rec.page.goto(baseUrl() + path);
      await rec.page.evaluate(() => document.fonts.ready);
      const actual = PNG.sync.read(await rec.page.screenshot({ animations: 'disabled', caret: 'hide' }));
      const file = join(REFERENCES, `${name}.png`);
      if (update) {
        writeFileSync(file, PNG.sync.write(actual));
        return;
      }
      expect(existsSync(file), `no reference ${file}: run with UPDATE_SCREENSHOTS=1 and look at it`).toBe(true);
      const expected = PNG.sync.read(readFileSync(file));
      expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
      const diff = new PNG({ width: actual.width, height: actual.height });
      const differing = pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, { threshold: 0.1 });
      const share = differing / (actual.width * actual.height);
      if (share > MAX_DIFF) {
        mkdirSync(RESULTS, { recursive: true });
        writeFileSync(join(RESULTS, `${name}.actual.png`), PNG.sync.write(actual));
        writeFileSync(join(RESULTS, `${name}.diff.png`), PNG.sync.write(diff));
      }
      expect(share, `${differing} pixels differ; see ${RESULTS}/${name}.diff.png`).toBeLessThanOrEqual(MAX_DIFF);
    } finally {
      await rec.page.close();
    }
  });
});
