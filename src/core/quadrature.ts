/**
 * Gauss–Hermite quadrature for expectations under a normal distribution:
 *   E[f(X)], X ~ N(m, v)  ≈  Σ_i w_i f(m + √v · x_i),
 * exact (up to rounding) when f is a polynomial of degree ≤ 2K − 1. The nodes x_i are the roots of
 * the probabilists' Hermite polynomial He_K (He_{k+1} = x He_k − k He_{k−1}) and the weights are
 * w_i = K! / (K² He_{K−1}(x_i)²), which sum to 1.
 */

function hermite(k: number, x: number): { value: number; previous: number } {
  let prev = 1;
  let cur = x;
  if (k === 0) return { value: 1, previous: 0 };
  for (let j = 1; j < k; j++) {
    const next = x * cur - j * prev;
    prev = cur;
    cur = next;
  }
  return { value: cur, previous: prev };
}

const cache = new Map<number, { nodes: Float64Array; weights: Float64Array }>();

/** Nodes and weights of the K-point rule for N(0, 1), 1 ≤ K ≤ 40. */
export function gaussHermite(K: number): { nodes: Float64Array; weights: Float64Array } {
  if (!Number.isInteger(K) || K < 1 || K > 40) throw new RangeError(`K must be an integer from 1 to 40, got ${K}`);
  const hit = cache.get(K);
  if (hit) return hit;
  const nodes: number[] = [];
  const limit = 2 * Math.sqrt(K) + 2;
  const grid = 4000;
  let x0 = -limit;
  let f0 = hermite(K, x0).value;
  for (let g = 1; g <= grid && nodes.length < K; g++) {
    const x1 = -limit + (2 * limit * g) / grid;
    const f1 = hermite(K, x1).value;
    if (f0 === 0 || f0 * f1 < 0) {
      let lo = x0;
      let hi = x1;
      for (let i = 0; i < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(lo)); i++) {
        const mid = 0.5 * (lo + hi);
        if (hermite(K, lo).value * hermite(K, mid).value <= 0) hi = mid;
        else lo = mid;
      }
      // Newton polish: He_K' = K · He_{K−1}.
      let r = 0.5 * (lo + hi);
      for (let i = 0; i < 3; i++) {
        const h = hermite(K, r);
        r -= h.value / (K * h.previous);
      }
      nodes.push(r);
    }
    x0 = x1;
    f0 = f1;
  }
  if (nodes.length !== K) throw new Error(`gaussHermite(${K}): found ${nodes.length} roots`);
  let factorial = 1;
  for (let j = 2; j <= K; j++) factorial *= j;
  const weights = nodes.map((x) => factorial / (K * K * hermite(K, x).previous ** 2));
  const rule = { nodes: Float64Array.from(nodes), weights: Float64Array.from(weights) };
  cache.set(K, rule);
  return rule;
}

/** E[f(X)] for X ~ N(mean, variance) by the K-point rule (variance 0 evaluates f at the mean). */
export function expectNormal<V extends number | Float64Array>(f: (x: number) => V, mean: number, variance: number, K = 12): V {
  if (!(variance >= 0)) throw new RangeError(`variance must be ≥ 0, got ${variance}`);
  if (variance === 0) return f(mean);
  const { nodes, weights } = gaussHermite(K);
  const s = Math.sqrt(variance);
  let acc: number | Float64Array | undefined;
  for (let i = 0; i < K; i++) {
    const y = f(mean + s * nodes[i]);
    if (typeof y === 'number') acc = ((acc as number | undefined) ?? 0) + weights[i] * y;
    else {
      const a = (acc as Float64Array | undefined) ?? new Float64Array(y.length);
      for (let j = 0; j < y.length; j++) a[j] += weights[i] * y[j];
      acc = a;
    }
  }
  return acc as V;
}
