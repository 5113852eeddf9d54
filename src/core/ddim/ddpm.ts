/**
 * DDPM's posterior q(x_{t−1} | x_t, x_0) in DDPM's own notation (Ho, Jain & Abbeel 2020).
 * Here α_t^DDPM = 1 − β_t and ᾱ_t = ∏ α_s^DDPM; the arguments are the cumulative ᾱ's, i.e. the
 * DDIM paper's α_t and α_{t−1}, so that β_t = 1 − ᾱ_t/ᾱ_{t−1}.
 *
 * - eq. 7: μ̃_t = √ᾱ_{t−1} β_t/(1 − ᾱ_t) · x_0 + √α_t^DDPM (1 − ᾱ_{t−1})/(1 − ᾱ_t) · x_t,
 *          β̃_t = (1 − ᾱ_{t−1})/(1 − ᾱ_t) · β_t.
 * - eq. 11: with x_0 = (x_t − √(1 − ᾱ_t) ε)/√ᾱ_t, μ̃_t = (x_t − β_t/√(1 − ᾱ_t) · ε)/√α_t^DDPM.
 */

export interface DdpmPosterior {
  /** β_t = 1 − ᾱ_t/ᾱ_{t−1}. */
  beta: number;
  /** Coefficient of x_0 in μ̃_t. */
  x0: number;
  /** Coefficient of x_t in μ̃_t. */
  xt: number;
  /** β̃_t, the posterior variance. */
  variance: number;
}

export function ddpmPosterior(alphaBarT: number, alphaBarPrev: number): DdpmPosterior {
  const beta = 1 - alphaBarT / alphaBarPrev;
  const alpha = 1 - beta;
  return {
    beta,
    x0: (Math.sqrt(alphaBarPrev) * beta) / (1 - alphaBarT),
    xt: (Math.sqrt(alpha) * (1 - alphaBarPrev)) / (1 - alphaBarT),
    variance: ((1 - alphaBarPrev) / (1 - alphaBarT)) * beta,
  };
}

/** μ̃_t from the noise ε (DDPM eq. 11). */
export function ddpmMeanFromEps(xt: number, eps: number, alphaBarT: number, alphaBarPrev: number): number {
  const beta = 1 - alphaBarT / alphaBarPrev;
  return (xt - (beta / Math.sqrt(1 - alphaBarT)) * eps) / Math.sqrt(1 - beta);
}
