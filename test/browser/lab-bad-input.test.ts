/**
 * Bad input in the lab: every out-of-range or malformed value (S = 0, S > T, η < 0, an η that makes
 * the variance negative, N = 10^8, NaN, text) gets an inline message naming the parameter and its
 * range; the previous valid state and the plots are kept; nothing shows NaN. The same for a typed τ
 * in the Lemma 1 widget (empty, not whole, out of range, NaN, text, too many entries, too long).
 */
import { describe, expect, it } from 'vitest';
import { baseUrl, browserSession, openPage, quiesce } from './harness.ts';
import { commit, ready } from './lab-helpers.ts';
import { makeTau } from '../../src/core/sampling/tau.ts';
import { maxEtaAlong } from '../../src/core/sampling/lab-config.ts';

const session = browserSession({ viewport: { width: 1200, height: 900 } });

describe('bad input in the sampler', () => {
  it('rejects bad URL values with a message and runs with the defaults', async () => {
    const rec = await openPage(session.context);
    const { page } = rec;
    await page.goto(`${baseUrl()}/en/toy-lab/?sampler.steps=0&sampler.eta=-0.5&sampler.n=1e8&sampler.seed=abc&sampler.dataset=mnist`);
    const sampler = page.locator('[data-widget="lab-sampler"]');
    expect(await sampler.locator('[data-param-error="steps"]').innerText()).toBe('Sampling steps S must be a whole number from 1 to 1000; got 0. The previous value, 20, is kept.');
    expect(await sampler.locator('[data-param-error="eta"]').innerText()).toContain('must be between 0 and 1; got -0.5');
    expect(await sampler.locator('[data-param-error="n"]').innerText()).toContain('must be a whole number from 10 to 20000; got 1e8');
    expect(await sampler.locator('[data-param-error="seed"]').innerText()).toContain('must be a number; "abc" is not one');
    expect(await sampler.locator('[data-param-error="dataset"]').innerText()).toContain('must be one of ring, moons');
    await ready(page, 'lab-sampler', '[data-completed]');
    expect(await sampler.locator('[data-readout]').innerText()).toMatch(/^2000 points, 20 steps/);
  });

  it('keeps the previous state and plots for S = 0, S > T, η < 0, N = 10^8, NaN and text', async () => {
    const rec = await openPage(session.context);
    const { page } = rec;
    await page.goto(`${baseUrl()}/en/toy-lab/?sampler.n=200&sampler.steps=8`);
    const sampler = await ready(page, 'lab-sampler', '[data-completed]');
    const before = await sampler.locator('[data-readout]').innerText();
    const svgBefore = await sampler.locator('[data-panel="samples"] > svg').innerHTML();
    const cases: [string, string, RegExp][] = [
      ['steps', '0', /Sampling steps S must be a whole number from 1 to 1000; got 0\. The previous value, 8, is kept\./],
      ['steps', '1001', /Sampling steps S must be a whole number from 1 to 1000; got 1001\./],
      ['eta', '-0.1', /η .* must be between 0 and 1; got -0\.1\. The previous value, 0, is kept\./],
      ['eta', '1.5', /must be between 0 and 1; got 1\.5/],
      ['n', '100000000', /Number of points N must be a whole number from 10 to 20000; got 100000000/],
      ['n', 'NaN', /Number of points N must be a number; "NaN" is not one/],
      ['seed', 'twelve', /Random seed must be a number; "twelve" is not one/],
      ['eta', '', /must be a number/],
    ];
    for (const [name, raw, message] of cases) {
      await commit(sampler, name, raw);
      expect(await sampler.locator(`[data-param-error="${name}"]`).innerText()).toMatch(message);
      expect(await sampler.locator(`[data-param="${name}"]`).getAttribute('aria-invalid')).toBe('true');
    }
    await quiesce(page);
    expect(await sampler.locator('[data-readout]').innerText()).toBe(before);
    expect(await sampler.locator('[data-panel="samples"] > svg').innerHTML()).toBe(svgBefore);
    expect(await sampler.locator('[data-output]').innerText()).not.toContain('NaN');
    expect(new URL(page.url()).searchParams.get('sampler.steps')).toBe('8');
    expect(new URL(page.url()).searchParams.get('sampler.n')).toBe('200');
    // A valid value clears the message and runs.
    await commit(sampler, 'steps', '12');
    await page.waitForFunction(() => document.querySelector('[data-widget="lab-sampler"] [data-readout]')?.textContent?.includes('12 steps'));
    expect(await sampler.locator('[data-param-error="steps"]').isHidden()).toBe(true);
    expect(rec.pageErrors).toEqual([]);
  });
});

describe('an η that makes the variance negative', () => {
  it('is refused by the Lemma 1 widget with the step that breaks and the largest valid η', async () => {
    const tau = makeTau('quadratic', 10);
    const max = maxEtaAlong(tau);
    expect(max.eta).toBeGreaterThan(1);
    expect(max.eta).toBeLessThan(4);
    const bad = Math.ceil((max.eta + 0.05) * 100) / 100;
    const rec = await openPage(session.context);
    const { page } = rec;
    // From the URL: the blamed η falls back to its default.
    await page.goto(`${baseUrl()}/en/experiments/?lemma.eta=${bad}&lemma.chains=300`);
    const lemma = page.locator('[data-widget="lab-lemma"]');
    const error = lemma.locator('[data-param-error="eta"]');
    expect(await error.innerText()).toContain(`η = ${bad} makes 1 − α_prev − σ² negative on the step t = ${max.timestep} → ${max.prevTimestep}`);
    expect(await error.innerText()).toContain(`η can be at most ${Math.floor(max.eta * 1000) / 1000}`);
    expect(await error.innerText()).toContain('The previous value, 0.5, is kept.');
    await ready(page, 'lab-lemma');
    expect(await lemma.locator('[data-readout]').innerText()).toContain('η = 0.5');
    // From the control: the previous valid η stays in force.
    await commit(lemma, 'eta', '1');
    await page.waitForFunction(() => document.querySelector('[data-widget="lab-lemma"] [data-readout]')?.textContent?.includes('η = 1.'));
    const before = await lemma.locator('[data-readout]').innerText();
    await commit(lemma, 'eta', String(bad));
    expect(await error.innerText()).toContain(`η = ${bad} makes 1 − α_prev − σ² negative`);
    expect(await error.innerText()).toContain('The previous value, 1, is kept.');
    await quiesce(page);
    expect(await lemma.locator('[data-readout]').innerText()).toBe(before);
    expect(new URL(page.url()).searchParams.get('lemma.eta')).toBe('1');
    expect(await lemma.locator('[data-output]').innerText()).not.toContain('NaN');
    expect(rec.pageErrors).toEqual([]);
  });
});

describe('a bad custom τ', () => {
  const lemmaUrl = (lang: string, query: Record<string, string>) => `${baseUrl()}/${lang}/experiments/?${new URLSearchParams(query).toString()}`;

  it('from the URL: says what is wrong, shows what was typed and runs with the default list', async () => {
    const rec = await openPage(session.context);
    const { page } = rec;
    await page.goto(lemmaUrl('en', { 'lemma.tau': 'custom', 'lemma.customTau': '999, 500, abc', 'lemma.chains': '300' }));
    const lemma = page.locator('[data-widget="lab-lemma"]');
    expect(await lemma.locator('[data-param-error="customTau"]').innerText()).toBe(
      'Custom τ (list of timesteps): "abc" is not a number; each timestep must be a whole number from 0 to 999. The previous value, 999, 700, 500, 120, 3, is kept.',
    );
    expect(await lemma.locator('[data-param="customTau"]').inputValue()).toBe('999, 500, abc');
    await ready(page, 'lab-lemma');
    expect(await lemma.locator('[data-readout]').innerText()).toContain('τ = (999, 700, 500, 120, 3)');
    expect(await lemma.locator('[data-output]').innerText()).not.toContain('NaN');
    expect(rec.pageErrors).toEqual([]);
  });

  it('from the box: every bad list is refused with its message, and the previous τ and plots are kept', async () => {
    const rec = await openPage(session.context);
    const { page } = rec;
    await page.goto(lemmaUrl('en', { 'lemma.tau': 'custom', 'lemma.customTau': '999, 400, 20', 'lemma.chains': '300' }));
    const lemma = await ready(page, 'lab-lemma');
    const before = await lemma.locator('[data-readout]').innerText();
    expect(before).toContain('τ = (999, 400, 20)');
    const plotsBefore = await lemma.locator('[data-output] .lab-grid').innerHTML();
    const kept = 'The previous value, 999, 400, 20, is kept.';
    const cases: [string, string][] = [
      ['', 'Custom τ (list of timesteps) needs at least one timestep, each a whole number from 0 to 999.'],
      ['999, 2.5', 'Custom τ (list of timesteps): "2.5" is not a whole number; each timestep must be a whole number from 0 to 999.'],
      ['999, 1000', 'Custom τ (list of timesteps): 1000 is out of range; each timestep must be a whole number from 0 to 999.'],
      ['-1, 5', 'Custom τ (list of timesteps): -1 is out of range; each timestep must be a whole number from 0 to 999.'],
      ['NaN', 'Custom τ (list of timesteps): "NaN" is not a number; each timestep must be a whole number from 0 to 999.'],
      ['999, seven', 'Custom τ (list of timesteps): "seven" is not a number; each timestep must be a whole number from 0 to 999.'],
      ['999-1', 'Custom τ (list of timesteps): "999-1" is not a number; each timestep must be a whole number from 0 to 999.'],
      [Array(1001).fill('5').join(' '), 'Custom τ (list of timesteps) lists 1001 timesteps; it takes at most 1000, each a whole number from 0 to 999.'],
      ['7'.repeat(8001), 'Custom τ (list of timesteps) is 8001 characters long, more than the 8000 it reads; list at most 1000 timesteps, each a whole number from 0 to 999.'],
    ];
    for (const [raw, message] of cases) {
      await commit(lemma, 'customTau', raw);
      expect(await lemma.locator('[data-param-error="customTau"]').innerText()).toBe(`${message} ${kept}`);
      expect(await lemma.locator('[data-param="customTau"]').getAttribute('aria-invalid')).toBe('true');
    }
    await quiesce(page);
    expect(await lemma.locator('[data-readout]').innerText()).toBe(before);
    expect(await lemma.locator('[data-output] .lab-grid').innerHTML()).toBe(plotsBefore);
    expect(await lemma.locator('[data-output]').innerText()).not.toContain('NaN');
    expect(await lemma.locator('[data-print="customTau"]').textContent()).toBe('999, 400, 20');
    expect(new URL(page.url()).searchParams.get('lemma.customTau')).toBe('999, 400, 20');
    // A valid list clears the message and runs.
    await commit(lemma, 'customTau', '20 999 400 600');
    await page.waitForFunction(() => document.querySelector('[data-widget="lab-lemma"] [data-readout]')?.textContent?.includes('τ = (999, 600, 400, 20)'));
    expect(await lemma.locator('[data-param-error="customTau"]').isHidden()).toBe(true);
    expect(await lemma.locator('[data-param="customTau"]').inputValue()).toBe('999, 600, 400, 20');
    expect(rec.pageErrors).toEqual([]);
  });

  it('in Chinese: the message names the parameter and its range, and the η limit is checked along the typed τ', async () => {
    // Short steps leave room for η = 1.5; one long jump does not.
    expect(maxEtaAlong([999, 998, 997]).eta).toBeGreaterThan(1.5);
    expect(maxEtaAlong([999, 3]).eta).toBeLessThan(1.5);
    const rec = await openPage(session.context);
    const { page } = rec;
    await page.goto(lemmaUrl('zh', { 'lemma.tau': 'custom', 'lemma.customTau': '999，998、997', 'lemma.chains': '300', 'lemma.eta': '1.5' }));
    const lemma = await ready(page, 'lab-lemma');
    const before = await lemma.locator('[data-readout]').innerText();
    expect(before).toContain('τ = (999, 998, 997)');
    expect(before).toContain('η = 1.5');
    await commit(lemma, 'customTau', '999，1200');
    expect(await lemma.locator('[data-param-error="customTau"]').innerText()).toBe(
      '“自定义 τ（时间步列表）”中的 1200 超出了范围；每个时间步都必须是 0 到 999 之间的整数。已保留之前的值 999, 998, 997。',
    );
    await commit(lemma, 'customTau', '999 3');
    expect(await lemma.locator('[data-param-error="customTau"]').innerText()).toContain('η = 1.5 会使 t = 999 → 3 这一步的 1 − α_prev − σ² 为负');
    expect(await lemma.locator('[data-param-error="customTau"]').innerText()).toContain('已保留之前的值 999, 998, 997。');
    await quiesce(page);
    expect(await lemma.locator('[data-readout]').innerText()).toBe(before);
    expect(await lemma.locator('[data-output]').innerText()).not.toContain('NaN');
    expect(new URL(page.url()).searchParams.get('lemma.customTau')).toBe('999，998、997');
    expect(rec.pageErrors).toEqual([]);
  });
});
