/**
 * The generalised DDIM update and the family it samples from (Song, Meng & Ermon 2021).
 *
 * - eq. 7: q_σ(x_{t−1} | x_t, x_0) = N( √α_{t−1} x_0 + √(1 − α_{t−1} − σ_t²) · (x_t − √α_t x_0)/√(1 − α_t), σ_t² I ).
 * - eq. 12: x_{t−1} = √α_{t−1} · x̂_0 + √(1 − α_{t−1} − σ_t²) · ε + σ_t · z, with x̂_0 from eq. 9 and z ~ N(0, I).
 * - Appendix C.1: the same formulas with (t, t−1) replaced by (τ_i, τ_{i−1}) along any increasing
 *   subsequence τ; with σ = 0 this is the n-step jump x_{t−n} = √α_{t−n} x̂_0 + √(1 − α_{t−n}) ε.
 * `alphaPrev` is whichever α the step lands on. All scalars; apply elementwise for vectors.
 */
import { predictX0FromEps } from './predictions.ts';

export interface DdimUpdateOptions {
  /** σ_t, the standard deviation of the added noise. Default 0 (deterministic DDIM). */
  sigma?: number;
  /** z, a standard normal draw multiplied by σ_t. Default 0. */
  noise?: number;
}

/** Mean of q_σ(x_{t−1} | x_t, x_0) (eq. 7). Throws when 1 − α_{t−1} − σ² < 0. */
export function qSigmaMean(x0: number, xt: number, alphaT: number, alphaPrev: number, sigma: number): number {
  const { x0: c0, xt: ct } = qSigmaMeanCoefficients(alphaT, alphaPrev, sigma);
  return c0 * x0 + ct * xt;
}

/** The coefficients of x_0 and x_t in the mean of eq. 7. */
export function qSigmaMeanCoefficients(alphaT: number, alphaPrev: number, sigma: number): { x0: number; xt: number } {
  const ct = directionScale(alphaPrev, sigma) / Math.sqrt(1 - alphaT);
  return { x0: Math.sqrt(alphaPrev) - Math.sqrt(alphaT) * ct, xt: ct };
}

/** One step of eq. 12 from ε: √α_{t−1} x̂_0 + √(1 − α_{t−1} − σ²) ε + σ z. */
export function ddimUpdate(xt: number, eps: number, alphaT: number, alphaPrev: number, { sigma = 0, noise = 0 }: DdimUpdateOptions = {}): number {
  const x0 = predictX0FromEps(xt, eps, alphaT);
  return Math.sqrt(alphaPrev) * x0 + directionScale(alphaPrev, sigma) * eps + sigma * noise;
}

/** The σ = 0 jump from t to t − n (the source notes' result; Appendix C.1 with σ = 0). */
export function jumpSigma0(xt: number, eps: number, alphaT: number, alphaTn: number): number {
  return ddimUpdate(xt, eps, alphaT, alphaTn);
}

/** √(1 − α_{t−1} − σ²), the "direction pointing to x_t" scale; throws when the radicand is negative. */
export function directionScale(alphaPrev: number, sigma: number): number {
  const radicand = 1 - alphaPrev - sigma * sigma;
  // Allow a few ulps of rounding below zero (σ at η_max), never a real negative variance.
  if (radicand < -1e-15) throw new RangeError(`1 − α_{t−1} − σ² must be ≥ 0, got ${radicand} (σ = ${sigma}, α_{t−1} = ${alphaPrev})`);
  return Math.sqrt(Math.max(0, radicand));
}
