/**
 * Seeded randomness. Library code never calls Math.random: callers pass an `Rng`.
 *
 * - `mulberry32` (Tommy Ettinger's 32-bit generator): fast, 2^32 period, good enough for
 *   Monte Carlo checks and toy data; not cryptographic.
 * - Normal draws use the Box–Muller transform.
 */

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
}

/** A seeded uniform generator. The same seed gives the same stream on every platform. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return {
    next() {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

/** Uniform in [lo, hi). */
export function uniform(rng: Rng, lo = 0, hi = 1): number {
  return lo + (hi - lo) * rng.next();
}

/** Integer uniform in [lo, hi] inclusive. */
export function randint(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng.next() * (hi - lo + 1));
}

/** `n` standard normal draws (Box–Muller, both outputs used). */
export function randn(rng: Rng, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 2) {
    let u = rng.next();
    while (u <= 0) u = rng.next();
    const v = rng.next();
    const r = Math.sqrt(-2 * Math.log(u));
    out[i] = r * Math.cos(2 * Math.PI * v);
    if (i + 1 < n) out[i + 1] = r * Math.sin(2 * Math.PI * v);
  }
  return out;
}
