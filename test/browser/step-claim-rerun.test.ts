/**
 * The live re-run of the claims about diffusers' scheduler (chapter "diffusers' DDIM step"): it
 * evaluates the chosen claim at the reader's scheduler setting with the registry's code, says which
 * settings the claim ignores or fixes, and rejects a bad setting with a message naming the broken
 * rule while keeping the previous result (never NaN). The badge buttons select their claim.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { baseUrl, browserSession, openPage } from './harness.ts';
import { getClaim } from '../../src/core/claims/registry.ts';
import { evaluateAtSetting } from '../../src/core/claims/example.ts';
import { formatNumber } from '../../src/i18n/format.ts';

const WIDGET = '[data-widget="step-claim-rerun"]';

const session = browserSession({ viewport: { width: 1200, height: 800 } });

async function openRerun(page: Page, path: string): Promise<Locator> {
  await page.goto(baseUrl() + path);
  const widget = page.locator(WIDGET);
  expect(await widget.getAttribute('data-state')).toBe('idle');
  await widget.scrollIntoViewIfNeeded();
  await page.waitForSelector(`${WIDGET}[data-state="ready"]`, { timeout: 300_000 });
  await page.waitForFunction((sel) => document.querySelector(`${sel} .rerun-verdict`) !== null, WIDGET);
  return widget;
}

async function set(widget: Locator, name: string, value: string) {
  const input = widget.locator(`[data-param="${name}"]`);
  if ((await input.evaluate((e) => e.tagName)) === 'SELECT') await input.selectOption(value);
  else {
    await input.fill(value);
    await input.press('Tab');
  }
}

const waitForSituation = (page: Page, text: string) =>
  page.waitForFunction(([sel, t]) => document.querySelector(`${sel} .rerun-situation`)?.textContent?.includes(t) ?? false, [WIDGET, text] as const);

describe('scheduler re-run', () => {
  it('evaluates a claim at the reader’s setting, with the residual the registry computes, no tfjs and no NaN', async () => {
    const rec = await openPage(session.context);
    const widget = await openRerun(rec.page, '/en/diffusers-ddim-step/');
    expect(await widget.locator('[data-backend]').count()).toBe(0);
    expect(await widget.locator('.rerun-verdict').innerText()).toContain('Holds at your parameters');
    await set(widget, 'claim', 'ddim-step.update');
    await set(widget, 'N', '50');
    await set(widget, 'spacing', 'trailing');
    await set(widget, 'k', '3');
    await set(widget, 'eta', '0.7');
    await waitForSituation(rec.page, 'step k = 3: t = 939 → t_prev = 919');
    const out = await widget.locator('[data-output]').innerText();
    expect(out).toContain('Holds at your parameters');
    expect(out).toContain('η = 0.7');
    expect(out).not.toContain('NaN');
    // The same number the registry gives at this setting and seed.
    const setting = { betaSchedule: 'linear', numTrainTimesteps: 1000, numInferenceSteps: 50, timestepSpacing: 'trailing', stepsOffset: 0, stepIndex: 3, eta: 0.7 } as const;
    const r = evaluateAtSetting(getClaim('ddim-step.update'), setting, 1);
    if (r.kind !== 'identity') throw new Error('not an identity');
    expect(out).toContain(`residual ${formatNumber(r.maxResidual, 2)}`);
    expect(rec.requests.some((u) => /\/_astro\/tfjs[.-]/.test(u))).toBe(false);
    expect(rec.pageErrors).toEqual([]);
  });

  it('says what a claim ignores and what it fixes', async () => {
    const { page } = await openPage(session.context);
    const widget = await openRerun(page, '/en/diffusers-ddim-step/');
    await set(widget, 'claim', 'ddim-step.ddpm-posterior');
    await set(widget, 'spacing', 'linspace');
    await waitForSituation(page, 'It is about leading spacing.');
    const text = await widget.locator('.rerun-situation').innerText();
    expect(text).toContain('leading spacing, step k = 5: t = 400 → t_prev = 300');
    expect(text).toContain('This check fixes η = 1.');
    await set(widget, 'claim', 'ddim-step.spacing-trailing');
    await waitForSituation(page, '10 timesteps, from 999 down to');
    expect(await widget.locator('.rerun-situation').innerText()).toContain('This check does not use: β schedule, Timestep spacing, stepsOffset (leading only), Step k (0 is the first), η.');
  });

  it('rejects a bad setting with a message naming the broken rule, and keeps the previous result', async () => {
    const rec = await openPage(session.context);
    const widget = await openRerun(rec.page, '/en/diffusers-ddim-step/');
    await set(widget, 'claim', 'ddim-step.update');
    await waitForSituation(rec.page, 'η = 0.5');
    const before = await widget.locator('[data-output]').innerText();
    const cases: [string, string, RegExp][] = [
      ['eta', '2.5', /η = 2\.5 is too large at this step \(t = 400\): 1 − ᾱ_prev − σ_t² would be negative, and diffusers would return NaN\. Here η can be at most 1\.2\d*\. The previous value, 0\.5, is kept\./],
      ['k', '12', /k must be a whole number from 0 to 9 \(the last step of this schedule\); got 12\. The previous value, 5, is kept\./],
    ];
    for (const [name, value, message] of cases) {
      await set(widget, name, value);
      const error = widget.locator(`[data-param-error="${name}"]`);
      expect(await error.innerText()).toMatch(message);
      expect(await error.getAttribute('role')).toBe('alert');
      expect(await widget.locator(`[data-param="${name}"]`).getAttribute('aria-invalid')).toBe('true');
    }
    expect(await widget.locator('[data-output]').innerText()).toBe(before);
    expect(before).not.toContain('NaN');
    // T = 8 conflicts only with the default N = 10: T is kept and N lowered to fit, said beside N.
    await set(widget, 'T', '8');
    expect(await widget.locator('[data-param-error="T"]').isHidden()).toBe(true);
    expect(await widget.locator('[data-param="N"]').inputValue()).toBe('8');
    expect(await widget.locator('[data-param-error="N"]').innerText()).toMatch(/is set to 8 \(instead of 10\) to fit the values you chose\./);
    // Back to the setting the rest of this test uses.
    await set(widget, 'T', '1000');
    await set(widget, 'N', '10');
    // η above 1 where it is allowed (at t = 400, η_max ≈ 1.26).
    await set(widget, 'eta', '1.2');
    await waitForSituation(rec.page, 'η = 1.2;');
    expect(await widget.locator('.rerun-verdict').innerText()).toContain('Holds at your parameters');
    // steps_offset only matters to the leading recipe, and there it may not push a timestep to T.
    await set(widget, 'offset', '1000');
    expect(await widget.locator('[data-param-error="offset"]').isHidden()).toBe(true);
    await set(widget, 'offset', '0');
    await set(widget, 'claim', 'ddim-step.spacing-leading');
    await set(widget, 'offset', '1000');
    expect(await widget.locator('[data-param-error="offset"]').innerText()).toMatch(
      /stepsOffset = 1000 pushes the first timestep to 1900, but timesteps must stay below T = 1000\. The previous value, 0, is kept\./,
    );
    expect(rec.pageErrors).toEqual([]);
  });

  it('a badge’s button selects its claim; the URL carries the setting, in Chinese too', async () => {
    const { page } = await openPage(session.context);
    await openRerun(page, '/en/diffusers-ddim-step/');
    await page.locator('figure.claim[data-claim="ddim-step.sigma"] [data-rerun-claim]').click();
    await page.waitForFunction((sel) => document.querySelector(`${sel} .rerun-caption`)?.textContent?.includes('ddim-step.sigma'), WIDGET);
    expect(new URL(page.url()).searchParams.get('rerun.claim')).toBe('ddim-step.sigma');
    const zh = await openRerun(page, '/zh/diffusers-ddim-step/?rerun.claim=ddim-step.eta-max&rerun.schedule=squaredcos_cap_v2&rerun.N=20&rerun.k=10');
    await waitForSituation(page, '第 k = 10 步');
    expect(await zh.locator('.rerun-verdict').innerText()).toContain('在你的参数下成立');
    expect(await zh.locator('.rerun-situation').innerText()).toContain('这个检验用不到：stepsOffset（仅对 leading 有效）、η。');
  });
});
