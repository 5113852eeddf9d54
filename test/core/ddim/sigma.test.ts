import { describe, expect, it } from 'vitest';
import { assertClose } from '../../assert-close.ts';
import { DDIMScheduler } from '../../../src/core/scheduler/ddim.ts';
import { ddpmPosteriorVariance, etaLimit, oneMinusRatio, sigmaEta, sigmaHat } from '../../../src/core/ddim/sigma.ts';

describe('sigmaEta()', () => {
  it('is η times DDPM’s posterior standard deviation (eq. 16, diffusers std_dev_t = eta * variance ** 0.5)', () => {
    for (const eta of [0, 0.25, 1, 2]) assertClose(sigmaEta(eta, 0.3, 0.5), eta * Math.sqrt(ddpmPosteriorVariance(0.3, 0.5)), { rel: 1e-15 });
  });
  it('is 0 for a step onto α_prev = 1 whatever η is', () => {
    expect(sigmaEta(0.8, 0.9, 1)).toBe(0);
  });
});

describe('sigmaHat()', () => {
  it('is √β_t and at least σ_t(1)', () => {
    assertClose(sigmaHat(0.3, 0.5) ** 2, 1 - 0.3 / 0.5, { rel: 1e-15 });
    expect(sigmaHat(0.3, 0.5)).toBeGreaterThanOrEqual(sigmaEta(1, 0.3, 0.5));
  });
});

describe('etaLimit()', () => {
  it('is where the direction term vanishes, and at least 1', () => {
    const e = etaLimit(0.3, 0.5);
    expect(e).toBeGreaterThanOrEqual(1);
    assertClose(sigmaEta(e, 0.3, 0.5) ** 2, 1 - 0.5, { rel: 1e-14 });
    expect(etaLimit(0.5, 0.5)).toBe(Infinity);
  });
  it('is ∞ at t = 1 (α_prev = α_0 = 1): σ_1(η) = 0 for every η, so no η is refused there', () => {
    expect(etaLimit(0.9, 1)).toBe(Infinity);
    for (const eta of [0, 1, 5, 1e6]) expect(1 - 1 - sigmaEta(eta, 0.9, 1) ** 2).toBe(0);
  });
  it('follows the same rule as the scheduler port’s maxEta (float64 schedule): ∞ on the last step, equal elsewhere', () => {
    const s = new DDIMScheduler({ numTrainTimesteps: 50, betaSchedule: 'linear', schedulePrecision: 'float64', setAlphaToOne: true, clipSample: false });
    s.setTimesteps(10);
    for (const t of s.timesteps) {
      const c = s.coefficients(t, 0);
      const port = s.maxEta(t);
      const rule = etaLimit(c.alphaProdT, c.alphaProdTPrev);
      if (c.alphaProdTPrev === 1) {
        expect([port, rule]).toEqual([Infinity, Infinity]);
      } else {
        expect(Number.isFinite(rule)).toBe(true);
        assertClose(port, rule, { rel: 1e-14 });
      }
    }
    expect(s.coefficients(s.timesteps[s.timesteps.length - 1], 0).alphaProdTPrev).toBe(1);
  });
});

describe('oneMinusRatio()', () => {
  it('computes 1 − a/b without the rounding of the division showing up relative to the small result', () => {
    const b = 0.99990000000000001;
    const a = b * (1 - 4e-5);
    const exact = (b - a) / b;
    assertClose(oneMinusRatio(a, b), exact, { rel: 1e-15 });
  });
});
