/**
 * From β to the DDIM paper's α.
 *
 * Notation (Song, Meng & Ermon 2021, §2, footnote on notation):
 * - DDPM writes α_t = 1 − β_t and ᾱ_t = ∏_{s ≤ t} α_s.
 * - DDIM writes α_t for DDPM's ᾱ_t. This project follows DDIM: `alpha[t]` is the cumulative product.
 * - Paper time is 1-based, t = 1 … T, and α_0 := 1 (x_0 is the clean data). `alpha[0] = 1` here, so
 *   `alpha[t]` reads like the paper. diffusers stores the same numbers 0-based as `alphas_cumprod[t − 1]`.
 */

/** DDIM α_t = ∏_{s=1}^{t} (1 − β_s) for t = 0 … T, with α_0 = 1 (length T + 1). */
export function alphasFromBetas(betas: ArrayLike<number>): Float64Array {
  const alpha = new Float64Array(betas.length + 1);
  alpha[0] = 1;
  for (let t = 1; t <= betas.length; t++) alpha[t] = alpha[t - 1] * (1 - betas[t - 1]);
  return alpha;
}

/** Signal-to-noise ratio of q(x_t | x_0): SNR(t) = α_t / (1 − α_t) (Kingma et al. 2021, eq. 2). */
export function snr(alpha: number): number {
  return alpha / (1 - alpha);
}
