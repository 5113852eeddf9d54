/**
 * The exact MMSE noise prediction ε*(x_t, t) = E[ε | x_t] for data drawn from a Gaussian mixture,
 * in float64. This is the reference the tensor version (src/lab/denoisers/mixture.ts) is tested against.
 *
 * With x_t = √α x_0 + √(1 − α) ε (DDIM eq. 4, α the cumulative α_t) and x_0 ~ Σ_k w_k N(μ_k, s_k² I):
 *   x_t | k ~ N(√α μ_k, v_k I),  v_k = α s_k² + 1 − α,
 *   r_k(x_t) = w_k N(x_t; √α μ_k, v_k I) / Σ_j w_j N(x_t; √α μ_j, v_j I)    (posterior of the component)
 *   ∇ log p_t(x_t) = −Σ_k r_k (x_t − √α μ_k) / v_k
 *   ε*(x_t) = −√(1 − α) ∇ log p_t(x_t)   (Tweedie; Vincent 2011, Song & Ermon 2019)
 * so ε* = √(1 − α) Σ_k r_k (x_t − √α μ_k) / v_k. For the empirical distribution of a dataset
 * (s_k = 0, w_k = 1/M) the r_k are a softmax over the data points: the denoiser that memorises.
 */
import type { Mixture2D } from '../data/mixture.ts';

/** ε*(x_t) for every point of `x` (row-major, 2 per point) at DDIM α (0 < α < 1). */
export function mixtureEpsilon(mix: Mixture2D, x: ArrayLike<number>, alpha: number): Float64Array {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  const k = mix.weights.length;
  const sa = Math.sqrt(alpha);
  const so = Math.sqrt(1 - alpha);
  const v = new Float64Array(k);
  const logc = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    v[j] = alpha * mix.variances[j] + 1 - alpha;
    logc[j] = Math.log(mix.weights[j]) - Math.log(v[j]); // 2D Gaussian: (2π v)^−1, 2π dropped
  }
  const n = x.length / 2;
  const out = new Float64Array(2 * n);
  const logits = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const px = x[2 * i];
    const py = x[2 * i + 1];
    let max = -Infinity;
    for (let j = 0; j < k; j++) {
      const dx = px - sa * mix.means[2 * j];
      const dy = py - sa * mix.means[2 * j + 1];
      logits[j] = logc[j] - (dx * dx + dy * dy) / (2 * v[j]);
      if (logits[j] > max) max = logits[j];
    }
    let z = 0;
    let ex = 0;
    let ey = 0;
    for (let j = 0; j < k; j++) {
      const r = Math.exp(logits[j] - max);
      z += r;
      ex += (r * (px - sa * mix.means[2 * j])) / v[j];
      ey += (r * (py - sa * mix.means[2 * j + 1])) / v[j];
    }
    out[2 * i] = (so * ex) / z;
    out[2 * i + 1] = (so * ey) / z;
  }
  return out;
}

/** E[x_0 | x_t] = (x_t − √(1 − α) ε*) / √α, the exact x̂_0 (DDIM eq. 9 with ε* in place of ε_θ). */
export function mixturePosteriorMean(mix: Mixture2D, x: ArrayLike<number>, alpha: number): Float64Array {
  const eps = mixtureEpsilon(mix, x, alpha);
  const sa = Math.sqrt(alpha);
  const so = Math.sqrt(1 - alpha);
  return eps.map((e, i) => (x[i] - so * e) / sa);
}
