/**
 * Seeded noise for the lab's samplers: x_T and the z of every step come from their own mulberry32
 * streams, derived from the widget's seed, so a run is reproducible on every backend.
 */
import { mulberry32, randn } from '../../core/rng.ts';

/** A 32-bit stream id from a seed and a purpose/step number (Knuth's multiplicative hashing). */
export function streamSeed(seed: number, k: number): number {
  return (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(k + 1, 0x85ebca77)) >>> 0;
}

/** x_T ~ N(0, I) for n points (row-major). */
export function initialNoise(seed: number, n: number): Float64Array {
  return randn(mulberry32(streamSeed(seed, 0)), 2 * n);
}

/** z ~ N(0, I) for step `i` (0-based) of a run. */
export function stepNoise(seed: number, i: number, n: number): Float64Array {
  return randn(mulberry32(streamSeed(seed, 1000 + i)), 2 * n);
}
