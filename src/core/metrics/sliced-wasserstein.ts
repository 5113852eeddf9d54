/**
 * Sliced Wasserstein-2 distance between two 2D point sets (Rabin et al. 2011; Bonneel et al. 2015):
 *   SW₂(P, Q)² = E_θ W₂(θᵀP, θᵀQ)²,
 * the average over directions θ on the circle of the 1D W₂², which is the mean squared difference
 * of matched quantiles. Directions are evenly spaced with a seeded random offset, so the estimate
 * is deterministic for a given seed. Sets of different sizes are compared exactly through their quantile functions.
 */
import type { Rng } from '../rng.ts';

export interface SlicedOptions {
  /** Number of directions. Default 64. */
  projections?: number;
  /** Source of the angular offset; default: offset 0. */
  rng?: Rng;
}

/**
 * Exact W₂² between two 1D empirical distributions with uniform weights: ∫₀¹ (F⁻¹(u) − G⁻¹(u))² du,
 * both inverse CDFs being step functions; the integral is a merge over their breakpoints.
 */
export function wasserstein2Squared1d(sortedA: Float64Array, sortedB: Float64Array): number {
  const na = sortedA.length;
  const nb = sortedB.length;
  let i = 0;
  let j = 0;
  let u = 0;
  let sum = 0;
  while (i < na && j < nb) {
    const nextA = (i + 1) / na;
    const nextB = (j + 1) / nb;
    const next = Math.min(nextA, nextB);
    sum += (next - u) * (sortedA[i] - sortedB[j]) ** 2;
    u = next;
    if (nextA <= next) i++;
    if (nextB <= next) j++;
  }
  return sum;
}

/** SW₂ between point sets `a` and `b` (row-major x, y). */
export function slicedWasserstein2(a: ArrayLike<number>, b: ArrayLike<number>, { projections = 64, rng }: SlicedOptions = {}): number {
  const na = a.length / 2;
  const nb = b.length / 2;
  if (na < 1 || nb < 1) throw new RangeError('both point sets need at least one point');
  const offset = rng ? rng.next() * Math.PI : 0;
  const pa = new Float64Array(na);
  const pb = new Float64Array(nb);
  let total = 0;
  for (let p = 0; p < projections; p++) {
    const th = offset + (Math.PI * p) / projections;
    const c = Math.cos(th);
    const s = Math.sin(th);
    for (let i = 0; i < na; i++) pa[i] = c * a[2 * i] + s * a[2 * i + 1];
    for (let i = 0; i < nb; i++) pb[i] = c * b[2 * i] + s * b[2 * i + 1];
    pa.sort();
    pb.sort();
    total += wasserstein2Squared1d(pa, pb);
  }
  return Math.sqrt(total / projections);
}
