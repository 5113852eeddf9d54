import { describe, expect, it } from 'vitest';
import { ringCentres, sampleGaussianRing } from '../../../src/core/data/gaussian-ring.ts';
import { mulberry32 } from '../../../src/core/rng.ts';

describe('sampleGaussianRing()', () => {
  it('is reproducible from its seed and stays inside [−1, 1]² for the defaults', () => {
    const a = sampleGaussianRing(mulberry32(5), 2000);
    expect(Array.from(sampleGaussianRing(mulberry32(5), 2000))).toEqual(Array.from(a));
    // Radius 0.75 + 4 std (0.24) < 1: a point outside is a > 4σ event.
    expect(Math.max(...Array.from(a, Math.abs))).toBeLessThan(1);
  });
  it('puts every point near one of the centres', () => {
    const centres = ringCentres();
    const pts = sampleGaussianRing(mulberry32(6), 500);
    for (let i = 0; i < 500; i++) {
      const d = Math.min(...centres.map(([cx, cy]) => Math.hypot(pts[2 * i] - cx, pts[2 * i + 1] - cy)));
      expect(d).toBeLessThan(0.06 * 5);
    }
  });
});
