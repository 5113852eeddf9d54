/**
 * DDPM's formulas in DDPM's own notation, computed from a DDIM α array (α_0 = 1, …, α_T).
 *
 * Notation map (DDIM §2 footnote): DDPM's ᾱ_t is DDIM's α_t; DDPM's one-step α_t = 1 − β_t is
 * DDIM's α_t/α_{t−1}. In this file `alphaBar` is ᾱ and `alphaStep` is DDPM's α_t.
 *
 * References: DDPM eq. 6–7 (posterior q(x_{t−1} | x_t, x_0) = N(μ̃_t, β̃_t I)), eq. 11 (μ_θ from ε_θ);
 * diffusers DDPMScheduler._get_variance ("fixed_small" is β̃_t, "fixed_large" is β_t).
 */
import { combine, type Vec } from '../vec.ts';
import { oneMinusRatio } from './sigma.ts';

export interface DdpmNotation {
  /** β_t = 1 − α_t/α_{t−1} (DDIM α). */
  beta: number;
  /** DDPM's α_t = 1 − β_t. */
  alphaStep: number;
  /** ᾱ_t (= DDIM α_t). */
  alphaBar: number;
  /** ᾱ_{t−1} (= DDIM α_{t−1}). */
  alphaBarPrev: number;
}

/** DDPM's quantities at step t (1 ≤ t ≤ T) from DDIM's α array. */
export function ddpmAt(alpha: ArrayLike<number>, t: number): DdpmNotation {
  if (!Number.isInteger(t) || t < 1 || t >= alpha.length) throw new RangeError(`t must be an integer in [1, ${alpha.length - 1}], got ${t}`);
  const beta = oneMinusRatio(alpha[t], alpha[t - 1]);
  return { beta, alphaStep: alpha[t] / alpha[t - 1], alphaBar: alpha[t], alphaBarPrev: alpha[t - 1] };
}

/** β̃_t = (1 − ᾱ_{t−1})/(1 − ᾱ_t) · β_t  (DDPM eq. 7). */
export function ddpmBetaTilde({ beta, alphaBar, alphaBarPrev }: DdpmNotation): number {
  return ((1 - alphaBarPrev) / (1 - alphaBar)) * beta;
}

/** μ̃_t(x_t, x_0) = √ᾱ_{t−1} β_t/(1 − ᾱ_t) · x_0 + √α_t (1 − ᾱ_{t−1})/(1 − ᾱ_t) · x_t  (DDPM eq. 7). */
export function ddpmPosteriorMean(xt: Vec, x0: Vec, { beta, alphaStep, alphaBar, alphaBarPrev }: DdpmNotation): Float64Array {
  return combine(
    [(Math.sqrt(alphaBarPrev) * beta) / (1 - alphaBar), x0],
    [(Math.sqrt(alphaStep) * (1 - alphaBarPrev)) / (1 - alphaBar), xt],
  );
}

/** μ_θ(x_t, t) = 1/√α_t · (x_t − β_t/√(1 − ᾱ_t) · ε_θ)  (DDPM eq. 11). */
export function ddpmMeanFromEps(xt: Vec, epsTheta: Vec, { beta, alphaStep, alphaBar }: DdpmNotation): Float64Array {
  return combine([1 / Math.sqrt(alphaStep), xt], [-beta / (Math.sqrt(alphaStep) * Math.sqrt(1 - alphaBar)), epsTheta]);
}
