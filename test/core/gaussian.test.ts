import { describe, expect, it } from 'vitest';
import { assertClose } from '../assert-close.ts';
import { conditionalCoefficients, normalCdf, normalLogPdf, twoSidedNormalQuantileBound } from '../../src/core/gaussian.ts';

describe('normalLogPdf()', () => {
  it('is the log density of N(mean, v I) and refuses v ≤ 0', () => {
    assertClose(normalLogPdf([0], [0], 1), -0.5 * Math.log(2 * Math.PI), { rel: 1e-15 });
    assertClose(normalLogPdf([1, 2], [0, 0], 2), -0.5 * (5 / 2 + 2 * Math.log(4 * Math.PI)), { rel: 1e-15 });
    expect(() => normalLogPdf([0], [0], 0)).toThrow(/variance > 0/);
  });
});

describe('conditionalCoefficients()', () => {
  it('conditions a bivariate Gaussian', () => {
    assertClose(conditionalCoefficients(2, 3, 1), { gain: 0.5, variance: 2.5 }, { rel: 1e-15 });
  });
});

describe('normalCdf() / twoSidedNormalQuantileBound()', () => {
  it('match known values of Φ and a conservative two-sided quantile', () => {
    assertClose(normalCdf(1.959963985), 0.975, { abs: 2e-7 });
    assertClose(normalCdf(-1), 0.158655254, { abs: 2e-7 });
    const z = twoSidedNormalQuantileBound(0.05);
    expect(z).toBeGreaterThan(1.96);
    expect(z).toBeLessThan(2.1);
  });
});
