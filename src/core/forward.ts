/**
 * The forward marginal q(x_t | x_0) = N(√α_t x_0, (1 − α_t) I)  (DDIM eq. 4; DDPM eq. 4 with ᾱ_t).
 * Reparameterised: x_t = √α_t x_0 + √(1 − α_t) ε with ε ~ N(0, I).
 */

/** x_t = √α_t · x_0 + √(1 − α_t) · ε, elementwise. `alpha` is DDIM's α_t (cumulative). */
export function forwardSample(x0: ArrayLike<number>, eps: ArrayLike<number>, alpha: number): Float64Array {
  if (x0.length !== eps.length) throw new RangeError(`x0 and eps lengths differ: ${x0.length} vs ${eps.length}`);
  const a = Math.sqrt(alpha);
  const s = Math.sqrt(1 - alpha);
  const out = new Float64Array(x0.length);
  for (let i = 0; i < x0.length; i++) out[i] = a * x0[i] + s * eps[i];
  return out;
}

/** Mean and variance of q(x_t | x_0) for a scalar x_0. */
export function forwardMoments(x0: number, alpha: number): { mean: number; variance: number } {
  return { mean: Math.sqrt(alpha) * x0, variance: 1 - alpha };
}
