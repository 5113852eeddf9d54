/**
 * The exact ε* for the empirical distribution of M training points in d dimensions (for example
 * MNIST digits, d = 784), in float64 and in log-space. The reference the tensor version
 * (src/lab/denoisers/empirical.ts) is tested against; in 2D it is mixtureEpsilon with variances 0.
 *
 * With x_t = √α x_0 + √(1 − α) ε (DDIM eq. 4, α the cumulative α_t) and x_0 uniform on {μ_1 … μ_M}:
 *   x_t | k ~ N(√α μ_k, (1 − α) I),
 *   r_k(x_t) = softmax_k(ℓ_k),  ℓ_k = −|x_t − √α μ_k|² / (2(1 − α))      (posterior of the point)
 *   E[x_0 | x_t] = Σ_k r_k μ_k,
 *   ε*(x_t) = E[ε | x_t] = (x_t − √α Σ_k r_k μ_k) / √(1 − α)            (DDIM eq. 9 solved for ε)
 * The weights are formed as exp(ℓ_k − max_j ℓ_j): in 784 dimensions the ℓ_k are of order −10⁵…−10⁹
 * and exp(ℓ_k) alone is 0 for every k.
 */

/** M training points of dimension d, row-major (point k is points[k·d … k·d + d − 1]). */
export interface EmpiricalSet {
  points: ArrayLike<number>;
  count: number;
  dim: number;
}

export function checkEmpiricalSet({ points, count, dim }: EmpiricalSet): void {
  if (!(Number.isInteger(count) && count >= 1)) throw new RangeError(`empirical set: count must be a positive integer, got ${count}`);
  if (!(Number.isInteger(dim) && dim >= 1)) throw new RangeError(`empirical set: dim must be a positive integer, got ${dim}`);
  if (points.length !== count * dim) throw new RangeError(`empirical set: expected ${count} × ${dim} = ${count * dim} values, got ${points.length}`);
}

function checkAlpha(alpha: number): void {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
}

/** The posterior weights r_k(x) of one point `x` (length d), as a Float64Array of length M. */
export function empiricalWeights(set: EmpiricalSet, x: ArrayLike<number>, alpha: number): Float64Array {
  checkAlpha(alpha);
  const { points, count, dim } = set;
  if (x.length !== dim) throw new RangeError(`empiricalWeights: x has ${x.length} values, the set has dim ${dim}`);
  const sa = Math.sqrt(alpha);
  const logits = new Float64Array(count);
  let max = -Infinity;
  for (let k = 0; k < count; k++) {
    let d2 = 0;
    for (let j = 0, o = k * dim; j < dim; j++) {
      const diff = x[j] - sa * points[o + j];
      d2 += diff * diff;
    }
    logits[k] = -d2 / (2 * (1 - alpha));
    if (logits[k] > max) max = logits[k];
  }
  let z = 0;
  for (let k = 0; k < count; k++) z += logits[k] = Math.exp(logits[k] - max);
  for (let k = 0; k < count; k++) logits[k] /= z;
  return logits;
}

/** E[x_0 | x_t] = Σ_k r_k μ_k for every row of `x` ([N, d] row-major). */
export function empiricalPosteriorMean(set: EmpiricalSet, x: ArrayLike<number>, alpha: number): Float64Array {
  checkEmpiricalSet(set);
  checkAlpha(alpha);
  const { points, count, dim } = set;
  if (x.length % dim !== 0) throw new RangeError(`empirical denoiser: x has ${x.length} values, not a multiple of dim ${dim}`);
  const n = x.length / dim;
  const out = new Float64Array(n * dim);
  for (let i = 0; i < n; i++) {
    const xi = Array.prototype.slice.call(x, i * dim, (i + 1) * dim) as number[];
    const r = empiricalWeights(set, xi, alpha);
    for (let k = 0; k < count; k++) {
      if (r[k] === 0) continue;
      for (let j = 0, o = k * dim; j < dim; j++) out[i * dim + j] += r[k] * points[o + j];
    }
  }
  return out;
}

/** ε*(x_t) = (x_t − √α Σ_k r_k μ_k) / √(1 − α) for every row of `x` ([N, d] row-major). */
export function empiricalEpsilon(set: EmpiricalSet, x: ArrayLike<number>, alpha: number): Float64Array {
  const mean = empiricalPosteriorMean(set, x, alpha);
  const sa = Math.sqrt(alpha);
  const so = Math.sqrt(1 - alpha);
  return mean.map((m, i) => (x[i] - sa * m) / so);
}
