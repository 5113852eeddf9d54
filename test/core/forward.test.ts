import { describe, expect, it } from 'vitest';
import { forwardMoments, forwardSample } from '../../src/core/forward.ts';
import { mulberry32, randn } from '../../src/core/rng.ts';
import { meanVariance } from '../../src/core/stats.ts';

describe('forwardSample()', () => {
  it('draws from q(x_t | x_0) = N(√α x_0, (1 − α) I): Monte Carlo within 5 standard errors', () => {
    const n = 100_000;
    const x0 = 0.7;
    for (const alpha of [0.999, 0.5, 0.01]) {
      const xs = forwardSample(new Float64Array(n).fill(x0), randn(mulberry32(9), n), alpha);
      const { mean, variance } = meanVariance(xs);
      const expected = forwardMoments(x0, alpha);
      expect(Math.abs(mean - expected.mean)).toBeLessThan(5 * Math.sqrt(expected.variance / n));
      expect(Math.abs(variance - expected.variance)).toBeLessThan(5 * expected.variance * Math.sqrt(2 / (n - 1)));
    }
  });
  it('returns x_0 unchanged at α = 1 and pure noise at α = 0', () => {
    const x0 = [1, -2, 3];
    const eps = [0.5, 0.25, -1];
    expect(Array.from(forwardSample(x0, eps, 1))).toEqual(x0);
    expect(Array.from(forwardSample(x0, eps, 0))).toEqual(eps);
  });
  it('rejects mismatched lengths', () => {
    expect(() => forwardSample([1, 2], [1], 0.5)).toThrow(/lengths differ/);
  });
});
