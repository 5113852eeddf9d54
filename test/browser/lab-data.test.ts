/**
 * The reader's own data: drawing, pasting and uploading points; a bad CSV gets the line number and
 * what is wrong, and the previous points are kept; the samplers then use the reader's points.
 */
import { describe, expect, it } from 'vitest';
import { baseUrl, browserSession, numberAttr, openPage } from './harness.ts';
import { ready } from './lab-helpers.ts';

const session = browserSession({ viewport: { width: 1200, height: 900 } });

describe('the data widget', () => {
  it('draws, rejects a bad file with its line number, and feeds the sampler', async () => {
    const rec = await openPage(session.context);
    const { page } = rec;
    await page.goto(`${baseUrl()}/en/toy-lab/?data.dataset=custom&sampler.dataset=custom&sampler.denoiser=empirical&sampler.n=100`);
    const data = await ready(page, 'lab-data', '[data-points]');
    expect(await data.getAttribute('data-points')).toBe('0');
    expect(await data.locator('[data-points-status]').innerText()).toContain('no points of your own');
    // Without points the sampler says what to do instead of drawing anything.
    const sampler = page.locator('[data-widget="lab-sampler"]');
    await sampler.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('[data-widget="lab-sampler"] [data-status]')?.textContent?.includes('No points of your own yet'));

    // Draw: three clicks and a drag on the plot.
    await data.scrollIntoViewIfNeeded();
    const svg = data.locator('[data-output] svg').first();
    const box = (await svg.boundingBox())!;
    for (const [fx, fy] of [[0.3, 0.3], [0.7, 0.3], [0.5, 0.7]]) await page.mouse.click(box.x + fx * box.width, box.y + fy * box.height);
    await page.mouse.move(box.x + 0.3 * box.width, box.y + 0.5 * box.height);
    await page.mouse.down();
    for (let k = 1; k <= 10; k++) await page.mouse.move(box.x + (0.3 + 0.04 * k) * box.width, box.y + 0.5 * box.height);
    await page.mouse.up();
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('[data-widget="lab-data"]')!.dataset.points) >= 8);
    const drawn = (await numberAttr(data, 'data-points'));
    // What the widget says follows what was drawn, and it no longer says it is loading.
    expect(await data.locator('[data-points-status]').innerText()).toContain(`${drawn} points`);
    expect(await data.locator('[data-status]').innerText()).not.toContain('Loading');

    // A bad file: the line number and the problem; the drawn points stay.
    await data.locator('[data-csv-file]').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('x,y\n0.1,0.2\n0.3\n0.4,abc\n') });
    const errors = data.locator('[data-csv-errors]');
    await page.waitForFunction(() => !document.querySelector<HTMLElement>('[data-widget="lab-data"] [data-csv-errors]')!.hidden);
    const text = await errors.innerText();
    expect(text).toContain('bad.csv could not be read');
    expect(text).toContain('line 3: expected 2 values (x,y), found 1.');
    expect(text).toContain('line 4: “abc” is not a number.');
    expect(text).toContain('Your previous points are kept.');
    expect((await numberAttr(data, 'data-points'))).toBe(drawn);

    // A good file replaces them (rescaled into [−1, 1]²) and the sampler re-runs on them.
    const rows = Array.from({ length: 50 }, (_, i) => `${10 + Math.cos(i) * 5},${20 + Math.sin(i) * 5}`).join('\n');
    await data.locator('[data-csv-file]').setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(`x,y\n${rows}\n`) });
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-widget="lab-data"]')!.dataset.points === '50');
    expect(await data.locator('[data-points-status]').innerText()).toMatch(/50 points loaded, rescaled by/);
    expect(await errors.isHidden()).toBe(true);
    await sampler.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('[data-widget="lab-sampler"] [data-readout]')?.textContent?.includes('memorising'), null, { timeout: 300_000 });
    expect(await sampler.locator('[data-output]').innerText()).not.toContain('NaN');

    // Pasted text is checked the same way.
    await data.scrollIntoViewIfNeeded();
    await data.locator('[data-csv-text]').fill('0.1;0.2\n\n# comment\n0.3;NaN');
    await data.locator('[data-action="paste"]').click();
    expect(await errors.innerText()).toContain('line 4: “NaN” is not a number.');
    expect(await data.getAttribute('data-points')).toBe('50');

    // The points survive a reload (they are kept in this browser).
    await page.reload();
    const again = await ready(page, 'lab-data', '[data-points]');
    expect(await again.getAttribute('data-points')).toBe('50');
    expect(rec.pageErrors).toEqual([]);
  });
});
