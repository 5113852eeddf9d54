/**
 * The standard deviation σ of one step (or one jump) of the DDIM family.
 *
 * Notation: `alphaT` = α_t and `alphaPrev` = α_{t−1} for a one-step move, or α_{τ_i} and α_{τ_{i−1}}
 * for a jump along a subsequence τ (DDIM App. C.1); α is DDIM's cumulative α (DDPM's ᾱ).
 *
 * References: DDIM eq. 16 (σ_t(η)), Table 1 (σ̂); DDPM eq. 7 (posterior variance β̃_t);
 * diffusers DDIMScheduler._get_variance and step() step 5 (`std_dev_t = eta * variance ** 0.5`).
 *
 * Rounding: the papers write 1 − α_t/α_{t−1} (DDPM's β_t). Evaluated literally, the division rounds
 * (relative error ≤ 2^−53) and the subtraction then exposes that error relative to the small
 * result: ~1e−16/β_t, about 3e−12 for β_t = 4e−5 (the cosine schedule's first step). The same real
 * number is (α_{t−1} − α_t)/α_{t−1}, whose subtraction is exact (Sterbenz) whenever α_t ≥ α_{t−1}/2,
 * so this file evaluates it that way (oneMinusRatio). Float64 paper math; diffusers' float32
 * arithmetic, quirks included, is ported separately in src/core/scheduler/.
 */

/** 1 − a/b computed as (b − a)/b: DDPM's β_t = 1 − α_t/α_{t−1}, or its jump version 1 − α_{τ_i}/α_{τ_{i−1}}. */
export function oneMinusRatio(a: number, b: number): number {
  return (b - a) / b;
}

/** (1 − α_prev)/(1 − α_t) · (1 − α_t/α_prev): DDPM's posterior variance β̃_t in DDIM notation (σ_t(1)²). */
export function ddpmPosteriorVariance(alphaT: number, alphaPrev: number): number {
  return ((1 - alphaPrev) / (1 - alphaT)) * oneMinusRatio(alphaT, alphaPrev);
}

/** σ_t(η) = η · √((1 − α_prev)/(1 − α_t)) · √(1 − α_t/α_prev)  (DDIM eq. 16). */
export function sigmaEta(eta: number, alphaT: number, alphaPrev: number): number {
  return eta * Math.sqrt((1 - alphaPrev) / (1 - alphaT)) * Math.sqrt(oneMinusRatio(alphaT, alphaPrev));
}

/** σ̂_t = √(1 − α_t/α_prev), the larger standard deviation of DDIM Table 1 (DDPM's σ_t² = β_t). */
export function sigmaHat(alphaT: number, alphaPrev: number): number {
  return Math.sqrt(oneMinusRatio(alphaT, alphaPrev));
}

/**
 * The largest η for which 1 − α_prev − σ_t(η)² ≥ 0 (the direction term of eq. 12 stays real).
 *
 * One rule, shared with the scheduler port (DDIMScheduler.maxEta): η_max = ∞ when σ_t(1) = 0, since
 * σ_t(η) = η σ_t(1) is then 0 for every η; that is α_prev = 1 (the last step, t = 1, where α_0 = 1)
 * or α_prev = α_t. Otherwise η_max = √((1 − α_prev)/σ_t(1)²) = √((1 − α_t)/(1 − α_t/α_prev)),
 * which is > 1 whenever α_t > 0.
 */
export function etaLimit(alphaT: number, alphaPrev: number): number {
  if (alphaPrev === 1 || alphaPrev === alphaT) return Infinity;
  return Math.sqrt((1 - alphaT) / oneMinusRatio(alphaT, alphaPrev));
}
