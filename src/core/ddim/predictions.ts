/**
 * Converting between what a network predicts and the clean sample, for x_t = √α_t x_0 + √(1 − α_t) ε.
 *
 * - ε-prediction → x̂_0: Song et al. eq. 9 (the "predicted x_0" of eq. 12),
 *   f(x_t) = (x_t − √(1 − α_t) ε) / √α_t; diffusers `prediction_type="epsilon"`.
 * - v-prediction (Salimans & Ho 2022, §4): v = √α_t ε − √(1 − α_t) x_0, so
 *   x̂_0 = √α_t x_t − √(1 − α_t) v and ε̂ = √α_t v + √(1 − α_t) x_t; diffusers `"v_prediction"`.
 * Scalars in, scalar out; `alphaT` is the cumulative α_t.
 */

/** x̂_0 from ε (eq. 9). */
export function predictX0FromEps(xt: number, eps: number, alphaT: number): number {
  return (xt - Math.sqrt(1 - alphaT) * eps) / Math.sqrt(alphaT);
}

/** ε from x_0 (the inverse of eq. 9). */
export function predictEpsFromX0(xt: number, x0: number, alphaT: number): number {
  return (xt - Math.sqrt(alphaT) * x0) / Math.sqrt(1 - alphaT);
}

/** x̂_0 from v. */
export function predictX0FromV(xt: number, v: number, alphaT: number): number {
  return Math.sqrt(alphaT) * xt - Math.sqrt(1 - alphaT) * v;
}

/** ε̂ from v. */
export function predictEpsFromV(xt: number, v: number, alphaT: number): number {
  return Math.sqrt(alphaT) * v + Math.sqrt(1 - alphaT) * xt;
}

/** v from x_0 and ε (the definition). */
export function velocity(x0: number, eps: number, alphaT: number): number {
  return Math.sqrt(alphaT) * eps - Math.sqrt(1 - alphaT) * x0;
}
