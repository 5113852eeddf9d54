/** Small helpers shared by the exercise catalogs: rounding drawn values, formatting shown values. */
import { uniform, type Rng } from '../../core/rng.ts';
import { formatNumber } from '../../i18n/format.ts';

/** Round to `decimals` places (drawn parameters are rounded to what the page prints). */
export function round(x: number, decimals: number): number {
  const k = 10 ** decimals;
  return Math.round(x * k) / k;
}

/** A drawn value with `decimals` places, uniform in [lo, hi]. */
export function draw(rng: Rng, lo: number, hi: number, decimals: number): number {
  return round(uniform(rng, lo, hi), decimals);
}

/** A pair 0 < α_t < α_prev < 1 with 4 decimals and a real gap between them. */
export function alphaPair(rng: Rng, { lo = 0.05, hi = 0.98, minGap = 0.02 } = {}): { aT: number; aPrev: number } {
  for (;;) {
    const aPrev = draw(rng, lo + minGap, hi, 4);
    const aT = draw(rng, lo, aPrev - minGap, 4);
    if (aT > 0 && aT < aPrev) return { aT, aPrev };
  }
}

/** A valid random point for formula checks: 0 < α_t < α_prev < 1, unrounded. */
export function alphaPoint(rng: Rng, { lo = 0.05, hi = 0.95 } = {}): { a_t: number; a_prev: number } {
  const a_prev = uniform(rng, lo + 0.02, hi);
  return { a_prev, a_t: uniform(rng, lo, a_prev - 0.01) };
}

/** Shown value: `digits` significant digits, Unicode minus. */
export function show(x: number, digits = 4): string {
  return formatNumber(x, digits);
}

/** Shown as a fixed number of decimals (parameters printed exactly as drawn). */
export function fixed(x: number, decimals: number): string {
  return x.toFixed(decimals).replace('-', '−');
}
