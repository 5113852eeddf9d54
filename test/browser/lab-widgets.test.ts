/**
 * The lab's widgets in the real build, in both languages: each loads lazily, picks a backend,
 * renders its output without NaN and leaves no tensors behind; parameters round-trip through the URL.
 */
import { describe, expect, it } from 'vitest';
import { baseUrl, browserSession, numberAttr, openPage } from './harness.ts';
import { ready } from './lab-helpers.ts';

const session = browserSession({ viewport: { width: 1200, height: 900 } });

const SMALL = 'sampler.n=300&sampler.steps=10&lemma.chains=500&lemma.steps=5&lemma.seed=2&checks.n=100&checks.steps=10&consistency.n=30&interp.pairs=2&interp.frames=9&interp.steps=10';

describe.each(['en', 'zh'])('lab widgets in %s', (lang) => {
  it('toy-lab: data, sampler and trainer render, without NaN, on a reported backend', async () => {
    const rec = await openPage(session.context);
    const { page } = rec;
    await page.goto(`${baseUrl()}/${lang}/toy-lab/?${SMALL}`);
    const data = await ready(page, 'lab-data', '');
    await page.waitForSelector('[data-widget="lab-data"] [data-output] svg');
    expect(await data.locator('[data-output] svg').count()).toBeGreaterThan(0);
    const sampler = await ready(page, 'lab-sampler');
    for (const panel of ['samples', 'paths', 'x0', 'noise']) expect(await sampler.locator(`[data-panel="${panel}"] svg`).count()).toBeGreaterThan(0);
    const text = await sampler.locator('[data-output]').innerText();
    expect(text).not.toContain('NaN');
    expect(text).toMatch(lang === 'en' ? /Sliced W₂ to the data/ : /切片 W₂/);
    expect(await sampler.getAttribute('data-num-tensors')).toBe('0');
    expect(['webgl', 'wasm', 'cpu']).toContain(await sampler.getAttribute('data-backend'));
    // x̂_0 at every step: the slider runs over all S = 10 steps, from the keyboard too.
    const stepView = sampler.locator('[data-panel="x0-step"]');
    const slider = stepView.locator('[data-x0-step]');
    expect(await slider.getAttribute('max')).toBe('10');
    const lastStep = await stepView.locator('label').innerText();
    const lastPlot = await stepView.locator('svg').first().innerHTML();
    await slider.focus();
    await page.keyboard.press('Home');
    expect(await stepView.locator('label').innerText()).toContain(lang === 'en' ? 'after step 1 of 10' : '第 1 步之后');
    expect(await stepView.locator('label').innerText()).not.toBe(lastStep);
    expect(await stepView.locator('svg').first().innerHTML()).not.toBe(lastPlot);
    await ready(page, 'lab-train', '');
    expect(await page.locator('[data-widget="lab-train"] [data-action="train"]').isEnabled()).toBe(true);
    expect(rec.pageErrors).toEqual([]);
    expect(rec.consoleErrors).toEqual([]);
    expect(rec.foreignRequests).toEqual([]);
  });

  it('experiments: Lemma 1, the identities and the latent experiments render, without NaN', async () => {
    const rec = await openPage(session.context);
    const { page } = rec;
    await page.goto(`${baseUrl()}/${lang}/experiments/?${SMALL}`);
    const lemma = await ready(page, 'lab-lemma');
    expect(await lemma.locator('[data-panel="mean"] svg').count()).toBeGreaterThan(0);
    expect((await numberAttr(lemma, 'data-checked'))).toBeGreaterThan(0);
    // One joint test over every mean and variance, valid however the steps are correlated.
    expect((await numberAttr(lemma, 'data-max-z'))).toBeLessThanOrEqual((await numberAttr(lemma, 'data-z-limit')));
    const joint = lang === 'en' ? /Joint test: the largest \|z\| over all 20 means and variances is [\d.]+, below [\d.]+/ : /联合检验：全部 20 个均值和方差中，最大的 \|z\| 为 [\d.]+，低于 [\d.]+/;
    expect(await lemma.locator('[data-readout]').innerText()).toMatch(joint);
    const checks = await ready(page, 'lab-checks');
    // The n-step jump with the true x_0 is an identity: float32 and float64 differences are rounding only.
    expect((await numberAttr(checks, 'data-jump32'))).toBeLessThan(1e-4);
    expect((await numberAttr(checks, 'data-jump64'))).toBeLessThan(1e-12);
    // With the exact denoiser in place of x_0 it is not.
    expect((await numberAttr(checks, 'data-jump-denoiser'))).toBeGreaterThan(1e-4);
    // η = 1 DDIM and DDPM on the same noise agree within float32 rounding accumulated over the steps.
    expect((await numberAttr(checks, 'data-ddpm'))).toBeLessThan(1e-4);
    const consistency = await ready(page, 'lab-consistency');
    // Distances of S = 10, 20, 50, 100 to the S = 1000 decode (the reference: its own distance, the
    // last entry, is 0 by construction and says nothing). Finer grids must come closer to it.
    const distances = JSON.parse((await consistency.getAttribute('data-distances'))!) as number[];
    expect(distances).toHaveLength(5);
    const [d10, d20, d50, d100] = distances;
    for (const d of [d10, d20, d50, d100]) expect(Number.isFinite(d) && d > 0).toBe(true);
    expect(d10).toBeGreaterThan(d20);
    expect(d20).toBeGreaterThan(d50);
    expect(d50).toBeGreaterThan(d100);
    const interp = await ready(page, 'lab-interp');
    expect(await interp.locator('[data-panel="decoded"] svg').count()).toBeGreaterThan(0);
    for (const kind of ['lab-lemma', 'lab-checks', 'lab-consistency', 'lab-interp']) {
      expect(await page.locator(`[data-widget="${kind}"] [data-output]`).innerText()).not.toContain('NaN');
      expect(await page.locator(`[data-widget="${kind}"]`).getAttribute('data-num-tensors')).toBe('0');
    }
    expect(rec.pageErrors).toEqual([]);
    expect(rec.consoleErrors).toEqual([]);
  });
});

describe('URL round-trip', () => {
  it('reads every sampler control from the URL and writes edits back', async () => {
    const rec = await openPage(session.context);
    const { page } = rec;
    const url = `${baseUrl()}/en/toy-lab/?sampler.dataset=ring&sampler.denoiser=mlp&sampler.steps=7&sampler.eta=0.3&sampler.variance=eta&sampler.schedule=squaredcos_cap_v2&sampler.spacing=trailing&sampler.prediction=v_prediction&sampler.n=200&sampler.seed=9`;
    await page.goto(url);
    const sampler = await ready(page, 'lab-sampler');
    const expected: Record<string, string> = { dataset: 'ring', denoiser: 'mlp', steps: '7', eta: '0.3', schedule: 'squaredcos_cap_v2', spacing: 'trailing', prediction: 'v_prediction', n: '200', seed: '9' };
    for (const [name, value] of Object.entries(expected)) expect(await sampler.locator(`[data-param="${name}"]`).inputValue()).toBe(value);
    expect(await sampler.locator('[data-readout]').innerText()).toContain('7 steps');
    expect(await sampler.locator('[data-readout]').innerText()).toContain('pretrained MLP');
    await sampler.locator('[data-param="variance"]').selectOption('sigmaHat');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('sampler.variance') === 'sigmaHat');
    const params = new URL(page.url()).searchParams;
    for (const [name, value] of Object.entries(expected)) expect(params.get(`sampler.${name}`)).toBe(value);
    expect(rec.pageErrors).toEqual([]);
  });
});

describe('Lemma 1 along a typed τ', () => {
  const lemmaUrl = (lang: string, query: Record<string, string>) => `${baseUrl()}/${lang}/experiments/?${new URLSearchParams(query).toString()}`;

  it('says so when the joint test raises an alarm (seed 1 with 500 chains: one of the ≤ 5% of runs where a true lemma does)', async () => {
    const rec = await openPage(session.context);
    const { page } = rec;
    await page.goto(lemmaUrl('en', { 'lemma.chains': '500', 'lemma.steps': '5', 'lemma.seed': '1' }));
    const lemma = await ready(page, 'lab-lemma');
    expect((await numberAttr(lemma, 'data-max-z'))).toBeGreaterThan((await numberAttr(lemma, 'data-z-limit')));
    expect(await lemma.locator('[data-readout]').innerText()).toMatch(/Joint test: the largest \|z\| over all 20 means and variances is [\d.]+, above [\d.]+\. A true lemma does that in at most 5% of runs: try another seed or more chains\./);
  });

  it('reads a custom τ from the URL and plots mean and variance bands at each of its steps, without NaN', async () => {
    const rec = await openPage(session.context);
    const { page } = rec;
    // Any order, mixed separators (Chinese commas included) and a repeat: read as 999, 700, 500, 120, 3.
    await page.goto(lemmaUrl('en', { 'lemma.tau': 'custom', 'lemma.customTau': '3，120、999 700, 500, 700', 'lemma.chains': '500' }));
    const lemma = await ready(page, 'lab-lemma');
    expect(await lemma.locator('[data-param="tau"]').inputValue()).toBe('custom');
    expect(await lemma.locator('[data-param="customTau"]').inputValue()).toBe('999, 700, 500, 120, 3');
    expect(await lemma.locator('[data-param-error="customTau"]').isHidden()).toBe(true);
    // The typed τ replaces S: its box shows, the slider for S does not.
    expect(await lemma.locator('[data-param-row="customTau"]').isVisible()).toBe(true);
    expect(await lemma.locator('[data-param-row="steps"]').isHidden()).toBe(true);
    const readout = await lemma.locator('[data-readout]').innerText();
    expect(readout).toContain('500 chains along τ = (999, 700, 500, 120, 3)');
    // x_999 and the four steps that land on 700, 500, 120 and 3, for both coordinates.
    expect(await lemma.getAttribute('data-checked')).toBe('10');
    for (const panel of ['mean', 'variance']) {
      expect(await lemma.locator(`[data-panel="${panel}"] svg [data-mark="area"] path`).count()).toBeGreaterThan(0);
      expect(await lemma.locator(`[data-panel="${panel}"] svg [data-mark="line"] path`).count()).toBeGreaterThan(0);
    }
    expect(await lemma.locator('[data-output]').innerText()).not.toContain('NaN');
    expect(await lemma.getAttribute('data-num-tensors')).toBe('0');
    // Coverage counts are whole numbers out of the 10 checked (their size is a statistical matter).
    for (const attr of ['data-mean-inside', 'data-variance-inside']) expect(await numberAttr(lemma, attr)).toSatisfy((n: number) => Number.isInteger(n) && n >= 0 && n <= 10);
    // Printing shows the typed τ, and no S.
    await page.emulateMedia({ media: 'print' });
    expect(await lemma.locator('[data-print="customTau"]').isVisible()).toBe(true);
    expect(await lemma.locator('[data-print="customTau"]').textContent()).toBe('999, 700, 500, 120, 3');
    expect(await lemma.locator('[data-print="steps"]').isHidden()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(rec.pageErrors).toEqual([]);
    expect(rec.consoleErrors).toEqual([]);
  });

  it('shows the list box only for "custom", reachable and editable from the keyboard, and writes it to the URL', async () => {
    const rec = await openPage(session.context);
    const { page } = rec;
    await page.goto(lemmaUrl('en', { 'lemma.chains': '300', 'lemma.steps': '5' }));
    const lemma = await ready(page, 'lab-lemma');
    const box = lemma.locator('[data-param="customTau"]');
    expect(await lemma.locator('[data-param-row="customTau"]').isHidden()).toBe(true);
    expect(await lemma.locator('[data-print="customTau"]').count()).toBe(1);
    // The box is labelled.
    expect(await lemma.getByLabel('Custom τ (list of timesteps)').count()).toBe(1);
    await lemma.locator('[data-param="tau"]').selectOption('custom');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('lemma.tau') === 'custom');
    expect(await lemma.locator('[data-param-row="customTau"]').isVisible()).toBe(true);
    expect(await lemma.locator('[data-param-row="steps"]').isHidden()).toBe(true);
    await page.waitForFunction(() => document.querySelector('[data-widget="lab-lemma"] [data-readout]')?.textContent?.includes('τ = (999, 700, 500, 120, 3)'));
    // Tab from the τ choice lands on the list box.
    await lemma.locator('[data-param="tau"]').focus();
    await page.keyboard.press('Tab');
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('999 900 10 0');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => document.querySelector('[data-widget="lab-lemma"] [data-readout]')?.textContent?.includes('τ = (999, 900, 10, 0)'));
    expect(new URL(page.url()).searchParams.get('lemma.customTau')).toBe('999, 900, 10, 0');
    expect(await lemma.getAttribute('data-checked')).toBe('8');
    // Back to a generated τ: the box hides, S returns, the typed list stays in the URL for later.
    await lemma.locator('[data-param="tau"]').selectOption('linspace');
    await page.waitForFunction(() => document.querySelector('[data-widget="lab-lemma"] [data-readout]')?.textContent?.includes('τ = (999, 749, 500, 250, 0)'));
    expect(await lemma.locator('[data-param-row="customTau"]').isHidden()).toBe(true);
    expect(await lemma.locator('[data-param-row="steps"]').isVisible()).toBe(true);
    expect(new URL(page.url()).searchParams.get('lemma.customTau')).toBe('999, 900, 10, 0');
    expect(rec.pageErrors).toEqual([]);
  });
});
