/**
 * The exact MMSE noise prediction ε*(x_t) = E[ε | x_t] for one-dimensional data drawn from a
 * Gaussian mixture, x_0 ~ Σ_k w_k N(μ_k, s_k²), noised by x_t = √α x_0 + √(1 − α) ε.
 *
 * Given component k, (x_t, ε) is jointly Gaussian: x_t ~ N(√α μ_k, v_k) with v_k = α s_k² + 1 − α
 * and Cov(x_t, ε) = √(1 − α), so E[ε | x_t, k] = √(1 − α)(x_t − √α μ_k)/v_k. The mixture posterior
 * weights are r_k ∝ w_k N(x_t; √α μ_k, v_k) (Bayes), and ε* = Σ_k r_k E[ε | x_t, k].
 * With every s_k = 0 this is the empirical-data optimum (softmax over the data points), which
 * makes a deterministic sampler reproduce training points (memorisation).
 */

export interface Mixture1d {
  means: readonly number[];
  /** Standard deviations s_k ≥ 0 (0 for a point mass, i.e. a training point). */
  stds: readonly number[];
  /** Mixture weights; normalised here. Default: equal. */
  weights?: readonly number[];
}

/** Posterior weights r_k of the components given x_t (log-sum-exp for stability). */
export function mixtureResponsibilities(xt: number, alpha: number, mixture: Mixture1d): Float64Array {
  const { means, stds } = mixture;
  const K = means.length;
  const weights = mixture.weights ?? new Array(K).fill(1);
  if (stds.length !== K || weights.length !== K) throw new RangeError('means, stds and weights must have the same length');
  const logs = new Float64Array(K);
  let top = -Infinity;
  for (let k = 0; k < K; k++) {
    const v = alpha * stds[k] * stds[k] + 1 - alpha;
    const d = xt - Math.sqrt(alpha) * means[k];
    logs[k] = Math.log(weights[k]) - 0.5 * Math.log(v) - (d * d) / (2 * v);
    top = Math.max(top, logs[k]);
  }
  let total = 0;
  for (let k = 0; k < K; k++) total += (logs[k] = Math.exp(logs[k] - top));
  for (let k = 0; k < K; k++) logs[k] /= total;
  return logs;
}

/** ε*(x_t) for the mixture at noise level α (DDIM's cumulative α_t, 0 < α < 1). */
export function mixtureEpsStar(xt: number, alpha: number, mixture: Mixture1d): number {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  const r = mixtureResponsibilities(xt, alpha, mixture);
  let eps = 0;
  for (let k = 0; k < r.length; k++) {
    const v = alpha * mixture.stds[k] ** 2 + 1 - alpha;
    eps += (r[k] * Math.sqrt(1 - alpha) * (xt - Math.sqrt(alpha) * mixture.means[k])) / v;
  }
  return eps;
}
