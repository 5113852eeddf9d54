import { describe, expect, it } from 'vitest';
import { assertClose } from '../../assert-close.ts';
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
});

describe('oneMinusRatio()', () => {
  it('computes 1 − a/b without the rounding of the division showing up relative to the small result', () => {
    const b = 0.99990000000000001;
    const a = b * (1 - 4e-5);
    const exact = (b - a) / b;
    assertClose(oneMinusRatio(a, b), exact, { rel: 1e-15 });
  });
});
