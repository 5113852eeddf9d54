/**
 * The non-Markovian family q_σ (DDIM §3.1).
 *
 *   q_σ(x_{t−1} | x_t, x_0) = N( k_t x_t + λ_t x_0 , σ_t² I )                        (DDIM eq. 7)
 *   k_t = √((1 − α_{t−1} − σ_t²)/(1 − α_t)),   λ_t = √α_{t−1} − √α_t · k_t
 *
 * k_t and λ_t are what matching the mean and the variance of q_σ(x_{t−1} | x_0) to
 * N(√α_{t−1} x_0, (1 − α_{t−1}) I) forces (see the chapter "The non-Markovian family").
 * The same formulas serve a jump τ_i → τ_{i−1} with α_{τ_i}, α_{τ_{i−1}} and σ_{τ_i} (DDIM App. C.1).
 */
import { combine, type Vec } from '../vec.ts';
import { sigmaEta } from './sigma.ts';

export interface FamilyStep {
  /** α_t (or α_{τ_i}): cumulative α at the current time. In (0, 1]. */
  alphaT: number;
  /** α_{t−1} (or α_{τ_{i−1}}): cumulative α at the target time. In (α_t, 1]. */
  alphaPrev: number;
  /** σ_t ≥ 0, with σ_t² ≤ 1 − α_prev. */
  sigma: number;
  /**
   * 1 − α_prev − σ², when the caller knows it more accurately than the subtraction does (it loses
   * relative precision when σ² is close to 1 − α_prev). Default: computed by directionVariance().
   */
  directionVariance?: number;
}

/**
 * 1 − α_prev − σ²: the variance left for the "direction pointing to x_t". Must be ≥ 0. A value
 * below zero by no more than rounding (64 ulps of 1) is returned as 0; anything lower throws a
 * RangeError naming the constraint, so no NaN can come out of a square root downstream.
 */
export function directionVariance(alphaPrev: number, sigma: number): number {
  const v = 1 - alphaPrev - sigma * sigma;
  if (v >= 0) return v;
  if (v > -64 * Number.EPSILON) return 0;
  throw new RangeError(`1 − α_prev − σ² = ${v} < 0 (α_prev = ${alphaPrev}, σ = ${sigma}): σ is too large for this step`);
}

/** 1 − α_prev − σ² of a step: its own accurate value if it carries one, else the subtraction. */
export function leftOf(step: FamilyStep): number {
  return step.directionVariance ?? directionVariance(step.alphaPrev, step.sigma);
}

/**
 * The step with σ = σ_t(η) (DDIM eq. 16), carrying 1 − α_prev − σ² in a form without cancellation
 * for η ≤ 1:  (1 − α_prev) · [(1 − η²) + η² · α_t (1 − α_prev) / (α_prev (1 − α_t))].
 */
export function etaStep(eta: number, alphaT: number, alphaPrev: number): FamilyStep {
  const sigma = sigmaEta(eta, alphaT, alphaPrev);
  if (alphaPrev === 1) return { alphaT, alphaPrev, sigma, directionVariance: 0 };
  const keep = (alphaT * (1 - alphaPrev)) / (alphaPrev * (1 - alphaT));
  const left = eta <= 1 ? (1 - alphaPrev) * (1 - eta * eta + eta * eta * keep) : directionVariance(alphaPrev, sigma);
  return { alphaT, alphaPrev, sigma, directionVariance: left };
}

/** k_t, λ_t and the variance σ_t² of q_σ(x_{t−1} | x_t, x_0). */
export function familyCoefficients(step: FamilyStep): { k: number; lambda: number; variance: number } {
  const { alphaT, alphaPrev, sigma } = step;
  const k = Math.sqrt(leftOf(step) / (1 - alphaT));
  return { k, lambda: Math.sqrt(alphaPrev) - Math.sqrt(alphaT) * k, variance: sigma * sigma };
}

/**
 * Mean of q_σ(x_{t−1} | x_t, x_0) written as in DDIM eq. 7:
 * √α_{t−1} x_0 + √(1 − α_{t−1} − σ_t²) · (x_t − √α_t x_0)/√(1 − α_t).
 */
export function familyMean(xt: Vec, x0: Vec, step: FamilyStep): Float64Array {
  const { alphaT, alphaPrev } = step;
  const direction = Math.sqrt(leftOf(step));
  const u = combine([1 / Math.sqrt(1 - alphaT), xt], [-Math.sqrt(alphaT) / Math.sqrt(1 - alphaT), x0]);
  return combine([Math.sqrt(alphaPrev), x0], [direction, u]);
}

/** A draw from q_σ(x_{t−1} | x_t, x_0) given standard normal `noise`: mean + σ · noise. */
export function familySample(xt: Vec, x0: Vec, step: FamilyStep, noise: Vec): Float64Array {
  return combine([1, familyMean(xt, x0, step)], [step.sigma, noise]);
}
