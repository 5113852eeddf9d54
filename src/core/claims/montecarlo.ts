/**
 * Monte Carlo comparison of samples with a normal law N(μ, v) (per coordinate), with tolerances
 * derived from the sample size N:
 * - mean:     z = (m̂ − μ) / √(v/N)
 * - variance: z = (v̂ − v) / (v √(2/(N − 1)))   (the sampling s.d. of v̂ for normal data)
 * - shape:    Kolmogorov–Smirnov √N · sup |F̂ − Φ| of the standardised samples.
 * Limits are set so that the chance of a false alarm over all the tests of a claim is below
 * FAMILY_FALSE_ALARM (Bonferroni): z ≤ z*, with P(|Z| > z*) ≤ p for each of m tests (p = FAMILY_FALSE_ALARM/m),
 * and √N·D ≤ √(−ln(p/2)/2) (the Kolmogorov tail bound P(√N D > λ) ≤ 2e^{−2λ²}).
 */
import { meanVariance } from '../stats.ts';
import { normalCdf, twoSidedNormalQuantileBound } from '../gaussian.ts';

export const FAMILY_FALSE_ALARM = 1e-6;

export interface McLimits {
  z: number;
  ks: number;
}

/**
 * The z* such that, over `tests` two-sided z tests of a true hypothesis, the chance that any |z|
 * exceeds it is at most `falseAlarm` (Bonferroni: valid whatever the correlation between tests).
 */
export function familyZLimit(tests: number, falseAlarm: number): number {
  return twoSidedNormalQuantileBound(falseAlarm / tests);
}

/** The per-test limits when a claim runs `tests` tests in all. */
export function mcLimits(tests: number): McLimits {
  const p = FAMILY_FALSE_ALARM / tests;
  return { z: familyZLimit(tests, FAMILY_FALSE_ALARM), ks: Math.sqrt(-Math.log(p / 2) / 2) };
}

export interface McStats {
  zMean: number;
  zVariance: number;
  ks: number;
  mean: number;
  variance: number;
}

/** The moment statistics alone (mean and variance z, no shape test): cheap enough for every step of a chain. */
export function momentsAgainstNormal(samples: Float64Array, mu: number, v: number): Omit<McStats, 'ks'> {
  if (!(v > 0)) throw new RangeError(`Monte Carlo needs a positive target variance, got ${v}`);
  const N = samples.length;
  const { mean, variance } = meanVariance(samples);
  return { mean, variance, zMean: (mean - mu) / Math.sqrt(v / N), zVariance: (variance - v) / (v * Math.sqrt(2 / (N - 1))) };
}

/** Statistics of one coordinate's samples against N(mu, v). v must be > 0. */
export function compareWithNormal(samples: Float64Array, mu: number, v: number): McStats {
  const { mean, variance, zMean, zVariance } = momentsAgainstNormal(samples, mu, v);
  const N = samples.length;
  const sorted = Float64Array.from(samples, (x) => (x - mu) / Math.sqrt(v)).sort();
  let d = 0;
  for (let i = 0; i < N; i++) {
    const F = normalCdf(sorted[i]);
    d = Math.max(d, Math.abs(F - i / N), Math.abs((i + 1) / N - F));
  }
  return { zMean, zVariance, ks: Math.sqrt(N) * d, mean, variance };
}
