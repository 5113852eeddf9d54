/**
 * Bad input in the lab: every out-of-range or malformed value (S = 0, S > T, η < 0, an η that makes
 * the variance negative, N = 10^8, NaN, text) gets an inline message naming the parameter and its
 * range; the previous valid state and the plots are kept; nothing shows NaN.
 */
import { describe, expect, it } from 'vitest';
import { baseUrl, browserSession, openPage } from './harness.ts';
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
    await page.close();
  });

  it('keeps the previous state and plots for S = 0, S > T, η < 0, N = 10^8, NaN and text', async () => {
    const rec = await openPage(session.context);
    const { page } = rec;
    await page.goto(`${baseUrl()}/en/toy-lab/?sampler.n=200&sampler.steps=8`);
    const sampler = await ready(page, 'lab-sampler', '[data-completed]');
    const before = await sampler.locator('[data-readout]').innerText();
    const svgBefore = await sampler.locator('[data-panel="samples"] svg').innerHTML();
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
    await page.waitForTimeout(500);
    expect(await sampler.locator('[data-readout]').innerText()).toBe(before);
    expect(await sampler.locator('[data-panel="samples"] svg').innerHTML()).toBe(svgBefore);
    expect(await sampler.locator('[data-output]').innerText()).not.toContain('NaN');
    expect(new URL(page.url()).searchParams.get('sampler.steps')).toBe('8');
    expect(new URL(page.url()).searchParams.get('sampler.n')).toBe('200');
    // A valid value clears the message and runs.
    await commit(sampler, 'steps', '12');
    await page.waitForFunction(() => document.querySelector('[data-widget="lab-sampler"] [data-readout]')?.textContent?.includes('12 steps'));
    expect(await sampler.locator('[data-param-error="steps"]').isHidden()).toBe(true);
    expect(rec.pageErrors).toEqual([]);
    await page.close();
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
    await page.waitForTimeout(500);
    expect(await lemma.locator('[data-readout]').innerText()).toBe(before);
    expect(new URL(page.url()).searchParams.get('lemma.eta')).toBe('1');
    expect(await lemma.locator('[data-output]').innerText()).not.toContain('NaN');
    expect(rec.pageErrors).toEqual([]);
    await page.close();
  });
});
