/**
 * Sliced Wasserstein-2 distance between two 2D point sets (Rabin et al. 2011; Bonneel et al. 2015):
 *   SW₂(P, Q)² = E_θ W₂(θᵀP, θᵀQ)²,
 * the average over directions θ on the circle of the 1D W₂², which is the mean squared difference
 * of matched quantiles. Directions are evenly spaced with a seeded random offset, so the estimate
 * is deterministic for a given seed. Sets of different sizes are compared at common quantile levels.
 */
import type { Rng } from '../rng.ts';

export interface SlicedOptions {
  /** Number of directions. Default 64. */
  projections?: number;
  /** Source of the angular offset; default: offset 0. */
  rng?: Rng;
}

function quantile(sorted: Float64Array, p: number): number {
  const pos = p * sorted.length - 0.5;
  const i = Math.max(0, Math.min(sorted.length - 1, Math.floor(pos)));
  const j = Math.min(sorted.length - 1, i + 1);
  const f = Math.max(0, Math.min(1, pos - i));
  return sorted[i] * (1 - f) + sorted[j] * f;
}

/** SW₂ between point sets `a` and `b` (row-major x, y). */
export function slicedWasserstein2(a: ArrayLike<number>, b: ArrayLike<number>, { projections = 64, rng }: SlicedOptions = {}): number {
  const na = a.length / 2;
  const nb = b.length / 2;
  if (na < 1 || nb < 1) throw new RangeError('both point sets need at least one point');
  const offset = rng ? rng.next() * Math.PI : 0;
  const m = Math.max(na, nb);
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
    let sum = 0;
    if (na === nb) {
      for (let i = 0; i < na; i++) sum += (pa[i] - pb[i]) ** 2;
    } else {
      for (let i = 0; i < m; i++) {
        const q = (i + 0.5) / m;
        sum += (quantile(pa, q) - quantile(pb, q)) ** 2;
      }
    }
    total += sum / (na === nb ? na : m);
  }
  return Math.sqrt(total / projections);
}
