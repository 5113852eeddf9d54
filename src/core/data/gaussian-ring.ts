/**
 * The 8-Gaussian ring, a standard 2D toy target (e.g. Grathwohl et al. 2019, FFJORD): k equal
 * components centred on a circle. Defaults keep every point inside [−1, 1]².
 */
import { randn, type Rng } from '../rng.ts';

export interface GaussianRingOptions {
  /** Number of components. Default 8. */
  components?: number;
  /** Radius of the circle of centres. Default 0.75. */
  radius?: number;
  /** Standard deviation of each component. Default 0.06. */
  std?: number;
}

/** Component centres, as [x, y] pairs. */
export function ringCentres({ components = 8, radius = 0.75 }: GaussianRingOptions = {}): [number, number][] {
  return Array.from({ length: components }, (_, k) => {
    const angle = (2 * Math.PI * k) / components;
    return [radius * Math.cos(angle), radius * Math.sin(angle)];
  });
}

/** `n` points, row-major [x0, y0, x1, y1, …]. Component k is chosen uniformly. */
export function sampleGaussianRing(rng: Rng, n: number, options: GaussianRingOptions = {}): Float64Array {
  const { std = 0.06 } = options;
  const centres = ringCentres(options);
  const noise = randn(rng, 2 * n);
  const out = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const [cx, cy] = centres[Math.floor(rng.next() * centres.length)];
    out[2 * i] = cx + std * noise[2 * i];
    out[2 * i + 1] = cy + std * noise[2 * i + 1];
  }
  return out;
}
