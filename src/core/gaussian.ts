/**
 * Facts about Gaussians used by the derivations and their checks (isotropic: covariance v·I).
 */
import type { Vec } from './vec.ts';

/** log N(x; mean, variance·I), summed over coordinates. */
export function normalLogPdf(x: Vec, mean: Vec, variance: number): number {
  if (!(variance > 0)) throw new RangeError(`a density needs variance > 0, got ${variance}`);
  let ss = 0;
  for (let i = 0; i < x.length; i++) ss += (x[i] - mean[i]) ** 2;
  return -0.5 * (ss / variance + x.length * Math.log(2 * Math.PI * variance));
}

/**
 * Condition one coordinate of a bivariate Gaussian: (X, Y) with means (mX, mY), variances (vX, vY)
 * and covariance c gives Y | X = x ~ N(mY + c/vX · (x − mX), vY − c²/vX).
 */
export function conditionalCoefficients(vX: number, vY: number, c: number): { gain: number; variance: number } {
  return { gain: c / vX, variance: vY - (c * c) / vX };
}

/** Standard normal CDF Φ(x) (Abramowitz & Stegun 7.1.26 for erf; absolute error below 1.5e-7). */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/**
 * A z such that P(|Z| > z) ≤ p for Z ~ N(0, 1), from the Mills-ratio bound P(|Z| > z) ≤ 2φ(z)/z
 * (solved by bisection; conservative, and accurate in the far tail where Φ approximations are not).
 */
export function twoSidedNormalQuantileBound(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`p must be in (0, 1), got ${p}`);
  const tail = (z: number) => (2 * Math.exp(-0.5 * z * z)) / (z * Math.sqrt(2 * Math.PI));
  let lo = 0.5;
  let hi = 40;
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (lo + hi);
    if (tail(mid) > p) lo = mid;
    else hi = mid;
  }
  return hi;
}
