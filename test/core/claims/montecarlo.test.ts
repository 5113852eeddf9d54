import { describe, expect, it } from 'vitest';
import { mulberry32, randn } from '../../../src/core/rng.ts';
import { compareWithNormal, familyZLimit, mcLimits } from '../../../src/core/claims/montecarlo.ts';

const samples = (n: number, f: (z: number) => number) => Float64Array.from(randn(mulberry32(11), n), f);

describe('compareWithNormal()', () => {
  const limits = mcLimits(3);
  it('accepts samples from the claimed law', () => {
    const s = compareWithNormal(samples(20000, (z) => 2 + 0.5 * z), 2, 0.25);
    expect(Math.abs(s.zMean)).toBeLessThan(limits.z);
    expect(Math.abs(s.zVariance)).toBeLessThan(limits.z);
    expect(s.ks).toBeLessThan(limits.ks);
  });
  it('rejects a variance that is off by the σ² ε mistake (σ = 0.5: 0.0625 instead of 0.25)', () => {
    const s = compareWithNormal(samples(20000, (z) => 0.25 * z), 0, 0.25);
    expect(Math.abs(s.zVariance)).toBeGreaterThan(limits.z);
  });
  it('rejects a shifted mean and a non-normal shape with the right moments', () => {
    expect(Math.abs(compareWithNormal(samples(20000, (z) => 0.05 + z), 0, 1).zMean)).toBeGreaterThan(limits.z);
    const uniform = Float64Array.from({ length: 20000 }, (_, i) => Math.sqrt(12) * ((i + 0.5) / 20000 - 0.5));
    expect(compareWithNormal(uniform, 0, 1).ks).toBeGreaterThan(limits.ks);
  });
  it('needs a positive target variance', () => {
    expect(() => compareWithNormal(samples(10, (z) => z), 0, 0)).toThrow(/positive target variance/);
  });
});

describe('mcLimits()', () => {
  it('widen with the number of tests (Bonferroni)', () => {
    expect(mcLimits(1000).z).toBeGreaterThan(mcLimits(10).z);
    expect(mcLimits(1000).ks).toBeGreaterThan(mcLimits(10).ks);
  });
});

describe('familyZLimit()', () => {
  it('keeps the chance of any false alarm over correlated tests below the stated rate (Lemma 1 widget: 5%)', () => {
    // 40 z tests that share one set of samples, as the Lemma 1 widget's (step, coordinate) pairs do:
    // each is the same standard normal plus a little independent noise. Over 4000 seeded trials,
    // the share of trials with any |z| above the limit stays below 5% (Bonferroni holds whatever the
    // correlation).
    const tests = 40;
    const limit = familyZLimit(tests, 0.05);
    expect(limit).toBeGreaterThan(3);
    expect(limit).toBeLessThan(3.4);
    const rng = mulberry32(5);
    let alarms = 0;
    for (let trial = 0; trial < 4000; trial++) {
      const shared = randn(rng, 1)[0];
      const own = randn(rng, tests);
      let max = 0;
      for (let k = 0; k < tests; k++) max = Math.max(max, Math.abs(Math.sqrt(0.9) * shared + Math.sqrt(0.1) * own[k]));
      if (max > limit) alarms++;
    }
    expect(alarms / 4000).toBeLessThan(0.05);
    expect(familyZLimit(1, 0.05)).toBeGreaterThanOrEqual(1.96);
  });
});
