/**
 * The checked equations on the built pages: every equation bound to a claim shows a badge with the
 * verdict in words, the residual and the number of draws (the same numbers the unit tests compute),
 * readable by a screen reader and in print; the coverage line says 100%; and the live re-run
 * evaluates claims at the reader's parameters and rejects bad input with a message that names the
 * broken constraint, keeping the previous result (never NaN).
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { baseUrl, browserSession, openPage, quiesce } from './harness.ts';
import { claimsOf } from '../../src/core/claims/registry.ts';
import { evaluateClaim } from '../../src/core/claims/evaluate.ts';
import { formatNumber } from '../../src/i18n/format.ts';
import { CHAPTERS as ALL_CHAPTERS, type ChapterSlug } from '../../src/core/claims/types.ts';

const CHAPTERS: readonly ChapterSlug[] = ALL_CHAPTERS;
const PAGES = CHAPTERS.flatMap((slug) => (['en', 'zh'] as const).map((lang) => [`/${lang}/${slug}/`, lang, slug] as const));

const session = browserSession({ viewport: { width: 1200, height: 800 } });

describe.each(PAGES)('%s', (path, lang, slug) => {
  it('shows a passing badge under every bound equation, with the residual the tests compute', async () => {
    const { page } = await openPage(session.context);
    await page.goto(baseUrl() + path);
    const figures = page.locator('figure.claim');
    const ids = await figures.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.claim!));
    for (const c of claimsOf(slug)) expect(ids, c.id).toContain(c.id);
    expect(await page.locator('figure.claim[data-claim-status="fail"]').count()).toBe(0);
    // Spot-check that the badge's residual is the one evaluateClaim() gives (same code, same seeds).
    // (Identities, or for the errata chapter the corrected formulas.)
    const spot = claimsOf(slug).filter((x) => x.kind === 'identity' || x.kind === 'erratum').slice(0, 3);
    expect(spot.length).toBeGreaterThan(0);
    for (const c of spot) {
      const r = evaluateClaim(c);
      if (r.kind === 'identity') {
        const badge = await page.locator(`figure.claim[data-claim="${c.id}"] figcaption`).first().innerText();
        expect(badge).toContain(formatNumber(r.maxResidual, 2));
        expect(badge).toContain(lang === 'en' ? '1,000 random draws' : '随机抽取 1,000 组参数');
      } else {
        expect(r.kind).toBe('erratum');
        if (r.kind !== 'erratum') continue;
        const badge = await page.locator(`figure.claim[data-claim="${c.id}"][data-claim-part="corrected"] figcaption`).innerText();
        expect(badge).toContain(formatNumber(r.corrected.maxResidual, 2));
      }
    }
    const coverage = await page.locator('[data-coverage]').getAttribute('data-coverage');
    const [bound, total] = coverage!.split('/').map(Number);
    expect(total).toBeGreaterThan(0);
    expect(bound).toBe(total);
    // Checks, definitions and equations true by construction add up to the bound equations, and the
    // labelled ones carry their label instead of a ✓.
    const [checked, definitions, construction] = (await page.locator('[data-coverage]').getAttribute('data-coverage-routes'))!.split('/').map(Number);
    expect(checked + definitions + construction).toBe(bound);
    const labelled = claimsOf(slug).filter((c) => c.route !== undefined);
    for (const c of labelled) {
      const figure = page.locator(`figure.claim[data-claim="${c.id}"]`).first();
      expect(await figure.getAttribute('data-claim-route')).toBe(c.route);
      expect(await figure.locator('.claim-mark').innerText()).toBe('≡');
    }
    expect(definitions + construction).toBe(labelled.length);
  });

  it('describes each equation by its badge, in words, not only colour', async () => {
    const { page } = await openPage(session.context);
    await page.goto(baseUrl() + path);
    const first = page.locator('figure.claim').first();
    const describedBy = await first.getAttribute('aria-describedby');
    const caption = page.locator(`#${describedBy}`);
    expect(await caption.evaluate((e) => e.tagName)).toBe('FIGCAPTION');
    expect(await caption.locator('.claim-mark').getAttribute('aria-hidden')).toBe('true');
    const verdict = await caption.locator('.claim-verdict').innerText();
    // Words ("Checked: holds", "定义"), not only the mark.
    expect(verdict.trim().length).toBeGreaterThanOrEqual(2);
    expect(verdict).not.toMatch(/^[✓✗≡]$/);
  });
});

describe('errata page', () => {
  it('marks each notes’ formula false (✗) and each correction true (✓), both checks passing', async () => {
    const { page } = await openPage(session.context);
    await page.goto(baseUrl() + '/en/errata/');
    const wrong = page.locator('figure.claim[data-claim-part="wrong"]');
    const corrected = page.locator('figure.claim[data-claim-part="corrected"]');
    expect(await wrong.count()).toBe(claimsOf('errata').length);
    expect(await corrected.count()).toBe(claimsOf('errata').length);
    for (const t of await wrong.locator('.claim-verdict').allInnerTexts()) expect(t).toBe("Notes' formula: false");
    for (const t of await corrected.locator('.claim-verdict').allInnerTexts()) expect(t).toBe('Corrected: holds');
    expect(await page.locator('[data-coverage-table] tbody tr').count()).toBeGreaterThanOrEqual(10);
  });
});

describe('print', () => {
  it('keeps the badges (in black) and drops the re-run buttons and controls', async () => {
    const { page } = await openPage(session.context);
    await page.goto(baseUrl() + '/en/sampler-family/');
    await page.emulateMedia({ media: 'print' });
    const badge = page.locator('figure.claim figcaption').first();
    expect(await badge.isVisible()).toBe(true);
    expect(await badge.locator('.claim-verdict').evaluate((e) => getComputedStyle(e).color)).toBe('rgb(0, 0, 0)');
    expect(await page.locator('[data-widget="claim-rerun"] .widget-controls').isVisible()).toBe(false);
  });
});

/** The re-run widget on a chapter page, loaded. */
async function openRerun(page: Page, path: string): Promise<Locator> {
  await page.goto(baseUrl() + path);
  const widget = page.locator('[data-widget="claim-rerun"]');
  expect(await widget.getAttribute('data-state')).toBe('idle');
  await widget.scrollIntoViewIfNeeded();
  await page.waitForSelector('[data-widget="claim-rerun"][data-state="ready"]', { timeout: 300_000 });
  await page.waitForFunction(() => document.querySelector('[data-widget="claim-rerun"] .rerun-verdict') !== null);
  return widget;
}

async function setText(widget: Locator, name: string, value: string) {
  const input = widget.locator(`[data-param="${name}"]`);
  await input.fill(value);
  await input.press('Tab');
}

describe('live re-run', () => {
  it('evaluates the chosen claim at the reader’s parameters, with no tfjs and no NaN', async () => {
    const rec = await openPage(session.context);
    const widget = await openRerun(rec.page, '/en/n-step-jump/');
    expect(await widget.locator('[data-backend]').count()).toBe(0);
    expect(await widget.locator('.rerun-verdict').innerText()).toContain('Holds at your parameters');
    await widget.locator('[data-param="claim"]').selectOption('jump.tau-closed-form');
    await setText(widget, 't', '300');
    await setText(widget, 'n', '100');
    await setText(widget, 'eta', '0.7');
    await rec.page.waitForFunction(() => document.querySelector('[data-widget="claim-rerun"] .rerun-situation')?.textContent?.includes('t = 300, n = 100, η = 0.7'));
    const out = await widget.locator('[data-output]').innerText();
    expect(out).toContain('Holds at your parameters');
    expect(out).not.toContain('NaN');
    expect(rec.requests.some((u) => /\/_astro\/tfjs[.-]/.test(u))).toBe(false);
    expect(rec.pageErrors).toEqual([]);
  });

  it('re-runs a Monte Carlo claim and an erratum', async () => {
    const { page } = await openPage(session.context);
    const widget = await openRerun(page, '/en/errata/');
    expect(await widget.locator('.rerun-verdict').innerText()).toMatch(/The notes' formula is off by .*; the corrected one by/);
    await page.close();
    const p2 = (await openPage(session.context)).page;
    const w2 = await openRerun(p2, '/en/non-markovian-family/');
    await w2.locator('[data-param="claim"]').selectOption('lemma1.monte-carlo');
    await setText(w2, 'T', '50');
    await setText(w2, 't', '10');
    await p2.waitForFunction(() => document.querySelector('[data-widget="claim-rerun"] .rerun-caption')?.textContent?.includes('lemma1.monte-carlo') && document.querySelector('[data-widget="claim-rerun"] .rerun-situation')?.textContent?.includes('t = 10'));
    expect(await w2.locator('.rerun-verdict').innerText()).toMatch(/Consistent: largest \|z\|/);
  });

  it('a badge’s button selects its claim in the widget', async () => {
    const { page } = await openPage(session.context);
    await openRerun(page, '/en/sampler-family/');
    await page.locator('figure.claim[data-claim="sampler.eta0"] [data-rerun-claim]').click();
    await page.waitForFunction(() => document.querySelector('[data-widget="claim-rerun"] .rerun-caption')?.textContent?.includes('sampler.eta0'));
    expect(new URL(page.url()).searchParams.get('rerun.claim')).toBe('sampler.eta0');
  });

  it('rejects bad input with a message naming the broken constraint and keeps the previous result', async () => {
    const rec = await openPage(session.context);
    const widget = await openRerun(rec.page, '/en/sampler-family/');
    await widget.locator('[data-param="claim"]').selectOption('sampler.jump-update');
    await rec.page.waitForFunction(() => document.querySelector('[data-widget="claim-rerun"] .rerun-caption')?.textContent?.includes('sampler.jump-update'));
    const before = await widget.locator('[data-output]').innerText();
    const cases: [string, string, RegExp][] = [
      ['eta', '-1', /η must be between 0 and 100; got -1\. The previous value, 0\.5, is kept\./],
      ['eta', '40', /η = 40 is too large here: 1 − α_\{t−n\} − σ² = −[\d.]+ < 0, so √\(1 − α_\{t−n\} − σ²\) is not real\. At this t and n, η can be at most [\d.]+\. The previous value, 0\.5, is kept\./],
      ['n', '700', /n must be from 1 to t = 500 \(a jump cannot go below x_0\); got n = 700\. The previous value, 20, is kept\./],
      ['t', '2000', /Timestep t must be a whole number from 1 to 1000; got 2000\./],
    ];
    for (const [name, value, message] of cases) {
      await setText(widget, name, value);
      const error = widget.locator(`[data-param-error="${name}"]`);
      expect(await error.innerText()).toMatch(message);
      expect(await error.getAttribute('role')).toBe('alert');
      expect(await widget.locator(`[data-param="${name}"]`).getAttribute('aria-invalid')).toBe('true');
    }
    // A custom schedule. Its default list has 5 values, so the default t = 500 does not fit: the
    // switch is kept and t (then n) is lowered to fit, which the page says beside t.
    await widget.locator('[data-param="schedule"]').selectOption('custom');
    expect(await widget.locator('[data-param-error="schedule"]').isHidden()).toBe(true);
    expect(await widget.locator('[data-param="schedule"]').inputValue()).toBe('custom');
    expect(await widget.locator('[data-param-error="t"]').innerText()).toMatch(/Timestep t is set to 5 \(instead of 500\) to fit the values you chose\./);
    await setText(widget, 'n', '2');
    await setText(widget, 't', '3');
    await rec.page.waitForFunction(() => document.querySelector('[data-widget="claim-rerun"] .rerun-situation')?.textContent?.includes('T = 5, t = 3, n = 2'));
    const before2 = await widget.locator('[data-output]').innerText();
    // α out of range, not decreasing, not a number.
    const alphaError = widget.locator('[data-param-error="alphas"]');
    await setText(widget, 'alphas', '0.9, 0.95, 0.5');
    expect(await alphaError.innerText()).toMatch(/α must decrease as t grows .* α_2 = 0\.95 is not below α_1 = 0\.9\./);
    await setText(widget, 'alphas', '0.9, 1.5');
    expect(await alphaError.innerText()).toMatch(/Each α must satisfy 0 < α ≤ 1; α_2 = 1\.5 does not\./);
    await setText(widget, 'alphas', '0.9, abc');
    expect(await alphaError.innerText()).toContain('"abc" is not a number');
    await quiesce(rec.page);
    expect(await widget.locator('[data-output]').innerText()).toBe(before2);
    expect(before).not.toContain('NaN');
    expect(await widget.locator('[data-output]').innerText()).not.toContain('NaN');
    // A valid custom list.
    await setText(widget, 'alphas', '0.9, 0.7, 0.5, 0.3');
    await rec.page.waitForFunction(() => document.querySelector('[data-widget="claim-rerun"] .rerun-situation')?.textContent?.includes('T = 4, t = 3, n = 2'));
    expect(await alphaError.isHidden()).toBe(true);
    expect(await widget.locator('.rerun-verdict').innerText()).toContain('Holds at your parameters');
    expect(rec.pageErrors).toEqual([]);
  });

  it('reads its state from the URL and falls back to the defaults when the URL breaks a rule', async () => {
    const { page } = await openPage(session.context);
    await page.goto(`${baseUrl()}/zh/n-step-jump/?rerun.claim=jump.sigma0-result&rerun.t=5&rerun.n=9`);
    const widget = page.locator('[data-widget="claim-rerun"]');
    expect(await widget.locator('[data-param-error="n"]').innerText()).toContain('n 必须在 1 到 t = 5 之间');
    expect(await widget.locator('[data-param="t"]').inputValue()).toBe('500');
    await page.goto(`${baseUrl()}/zh/n-step-jump/?rerun.claim=jump.sigma0-result&rerun.t=5&rerun.n=3`);
    await widget.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('[data-widget="claim-rerun"] .rerun-situation')?.textContent?.includes('t = 5，n = 3'));
    expect(await widget.locator('.rerun-verdict').innerText()).toContain('在你的参数下成立');
  });
});
