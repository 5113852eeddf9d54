/**
 * The one residual used everywhere (pages, tests, live re-run):
 *
 *   r(a, b) = ‖a − b‖∞ / max(‖a‖∞, ‖b‖∞, floor)
 *
 * a relative error measured against the larger side, in the max norm over coordinates. Dividing by
 * the larger side makes r symmetric and at most 2 whenever it is finite; using the norm of the whole
 * vector (not each coordinate) keeps a coordinate that happens to be near 0 from inflating it. The
 * floor only guards 0/0 (two exact zeros give r = 0). Float64 rounding gives r of a few 1e−16.
 */
import type { Value } from './types.ts';

export const RESIDUAL_FLOOR = 1e-300;

function asArray(v: Value): ArrayLike<number> {
  return typeof v === 'number' ? [v] : v;
}

export function residual(a: Value, b: Value, floor = RESIDUAL_FLOOR): number {
  const x = asArray(a);
  const y = asArray(b);
  if (x.length !== y.length) throw new RangeError(`sides have different lengths: ${x.length} vs ${y.length}`);
  let diff = 0;
  let scale = floor;
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i]) || !Number.isFinite(y[i])) return Infinity;
    diff = Math.max(diff, Math.abs(x[i] - y[i]));
    scale = Math.max(scale, Math.abs(x[i]), Math.abs(y[i]));
  }
  return diff / scale;
}

/** How far a ≤ b is violated, on the same scale: max(0, a − b) / max(|a|, |b|, floor). */
export function violation(a: number, b: number, floor = RESIDUAL_FLOOR): number {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return Infinity;
  return Math.max(0, a - b) / Math.max(Math.abs(a), Math.abs(b), floor);
}
