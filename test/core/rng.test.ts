import { describe, expect, it } from 'vitest';
import { mulberry32, randint, randn, uniform } from '../../src/core/rng.ts';
import { meanVariance } from '../../src/core/stats.ts';

describe('mulberry32()', () => {
  it('gives the same stream for the same seed and a different one for another seed', () => {
    const r1 = mulberry32(7);
    const r2 = mulberry32(7);
    const r3 = mulberry32(8);
    const s1 = Array.from({ length: 5 }, () => r1.next());
    expect(Array.from({ length: 5 }, () => r2.next())).toEqual(s1);
    expect(Array.from({ length: 5 }, () => r3.next())).not.toEqual(s1);
  });
  it('stays in [0, 1)', () => {
    const r = mulberry32(1);
    for (let i = 0; i < 10_000; i++) {
      const u = r.next();
      expect(u >= 0 && u < 1).toBe(true);
    }
  });
});

describe('randn()', () => {
  it('has mean 0 and variance 1 within 5 standard errors (n = 200,000)', () => {
    const n = 200_000;
    const { mean, variance } = meanVariance(randn(mulberry32(42), n));
    // Standard errors: mean 1/√n; sample variance √(2/(n−1)) for a Gaussian.
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(variance - 1)).toBeLessThan(5 * Math.sqrt(2 / (n - 1)));
  });
  it('fills odd lengths', () => {
    expect(randn(mulberry32(1), 3).length).toBe(3);
  });
});

describe('uniform() and randint()', () => {
  it('respect their bounds', () => {
    const r = mulberry32(3);
    for (let i = 0; i < 1000; i++) {
      const u = uniform(r, -2, 5);
      expect(u >= -2 && u < 5).toBe(true);
      const k = randint(r, 1, 6);
      expect(Number.isInteger(k) && k >= 1 && k <= 6).toBe(true);
    }
  });
});
