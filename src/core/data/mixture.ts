/**
 * Isotropic Gaussian mixtures in 2D, in float64: p(x) = Σ_k w_k N(x; μ_k, s_k² I).
 *
 * Every built-in lab dataset is defined as one of these (see datasets.ts), so the data density is
 * known exactly: samples, the exact denoiser ε*, the exact log-likelihood and the density plot all
 * come from the same few numbers. A finite dataset is the special case s_k = 0, w_k = 1/M.
 */
import { randn, type Rng } from '../rng.ts';

export interface Mixture2D {
  /** Component weights w_k, summing to 1. */
  weights: Float64Array;
  /** Component means, row-major [μ_1x, μ_1y, μ_2x, …] (length 2K). */
  means: Float64Array;
  /** Per-component isotropic variance s_k² (0 for a point mass). */
  variances: Float64Array;
}

/** Build a mixture from centres and one shared standard deviation; weights default to equal. */
export function mixtureFromCentres(centres: readonly (readonly [number, number])[], std: number, weights?: readonly number[]): Mixture2D {
  const k = centres.length;
  if (k === 0) throw new RangeError('a mixture needs at least one component');
  const w = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < k; i++) total += w[i] = weights ? weights[i] : 1;
  for (let i = 0; i < k; i++) w[i] /= total;
  const means = new Float64Array(2 * k);
  centres.forEach(([x, y], i) => {
    means[2 * i] = x;
    means[2 * i + 1] = y;
  });
  return { weights: w, means, variances: new Float64Array(k).fill(std * std) };
}

/** The empirical distribution of `points` (row-major x, y): M point masses of weight 1/M. */
export function empiricalMixture(points: Float64Array): Mixture2D {
  const m = points.length / 2;
  if (!Number.isInteger(m) || m < 1) throw new RangeError(`need at least one (x, y) point, got ${points.length} numbers`);
  return { weights: new Float64Array(m).fill(1 / m), means: Float64Array.from(points), variances: new Float64Array(m) };
}

export function componentCount(mix: Mixture2D): number {
  return mix.weights.length;
}

/** `n` samples, row-major. The component of each sample is drawn from the weights. */
export function sampleMixture(mix: Mixture2D, rng: Rng, n: number): Float64Array {
  const k = componentCount(mix);
  const cumulative = new Float64Array(k);
  let acc = 0;
  for (let i = 0; i < k; i++) cumulative[i] = acc += mix.weights[i];
  const noise = randn(rng, 2 * n);
  const out = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const u = rng.next() * acc;
    let lo = 0;
    let hi = k - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    const s = Math.sqrt(mix.variances[lo]);
    out[2 * i] = mix.means[2 * lo] + s * noise[2 * i];
    out[2 * i + 1] = mix.means[2 * lo + 1] + s * noise[2 * i + 1];
  }
  return out;
}

/** log p(x) at each point of `points` (row-major). Needs every variance > 0. */
export function mixtureLogDensity(mix: Mixture2D, points: ArrayLike<number>): Float64Array {
  const k = componentCount(mix);
  const n = points.length / 2;
  const logw = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const v = mix.variances[j];
    if (!(v > 0)) throw new RangeError('the log-density of a mixture with a point mass is not finite');
    logw[j] = Math.log(mix.weights[j]) - Math.log(2 * Math.PI * v);
  }
  const out = new Float64Array(n);
  const terms = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const x = points[2 * i];
    const y = points[2 * i + 1];
    let max = -Infinity;
    for (let j = 0; j < k; j++) {
      const dx = x - mix.means[2 * j];
      const dy = y - mix.means[2 * j + 1];
      terms[j] = logw[j] - (dx * dx + dy * dy) / (2 * mix.variances[j]);
      if (terms[j] > max) max = terms[j];
    }
    let sum = 0;
    for (let j = 0; j < k; j++) sum += Math.exp(terms[j] - max);
    out[i] = max + Math.log(sum);
  }
  return out;
}

/** Density on a regular grid over [lo, hi]², row by row from y = lo (for contour and raster marks). */
export function mixtureDensityGrid(mix: Mixture2D, { size = 64, lo = -1.2, hi = 1.2 } = {}): { values: Float64Array; size: number; lo: number; hi: number } {
  const pts = new Float64Array(2 * size * size);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      pts[2 * (r * size + c)] = lo + ((c + 0.5) * (hi - lo)) / size;
      pts[2 * (r * size + c) + 1] = lo + ((r + 0.5) * (hi - lo)) / size;
    }
  }
  return { values: mixtureLogDensity(mix, pts).map(Math.exp), size, lo, hi };
}
