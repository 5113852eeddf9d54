import { describe, expect, it } from 'vitest';
import { slicedWasserstein2 } from '../../../src/core/metrics/sliced-wasserstein.ts';
import { mmdSquared } from '../../../src/core/metrics/mmd.ts';
import { mmdPointsUsed, qualityFloor, sampleQuality, thinPoints } from '../../../src/core/metrics/sample-quality.ts';
import { datasetMixture, sampleDataset } from '../../../src/core/data/datasets.ts';
import { mulberry32, randn } from '../../../src/core/rng.ts';

describe('slicedWasserstein2', () => {
  it('is 0 between a set and itself', () => {
    const a = randn(mulberry32(1), 400);
    expect(slicedWasserstein2(a, a)).toBe(0);
  });

  it('is d/√2 between a set and its translate by (d, 0): E[cos²θ] = ½', () => {
    const a = randn(mulberry32(2), 600);
    const b = a.map((v, i) => (i % 2 === 0 ? v + 0.3 : v));
    expect(Math.abs(slicedWasserstein2(a, b, { projections: 256 }) - 0.3 / Math.SQRT2)).toBeLessThan(1e-3);
  });

  it('compares sets of different sizes through quantiles', () => {
    const a = Float64Array.from([0, 0, 1, 0]);
    const b = Float64Array.from([0, 0, 0, 0, 1, 0, 1, 0]);
    expect(slicedWasserstein2(a, b)).toBeLessThan(1e-12);
  });
});

describe('mmdSquared', () => {
  it('is near 0 for two samples of one distribution and clearly positive for different ones', () => {
    const a = sampleDataset('moons', mulberry32(3), 800);
    const b = sampleDataset('moons', mulberry32(4), 800);
    const c = sampleDataset('ring', mulberry32(5), 800);
    expect(Math.abs(mmdSquared(a, b))).toBeLessThan(0.005);
    expect(mmdSquared(a, c)).toBeGreaterThan(0.05);
  });
});

describe('sampleQuality', () => {
  it('scores data samples near the floor and Gaussian noise far from it', () => {
    const mix = datasetMixture('checkerboard');
    const floor = qualityFloor(mix, 1000);
    const noise = randn(mulberry32(6), 2000).map((v) => 0.5 * v);
    const bad = sampleQuality(mix, noise);
    expect(floor.slicedW2).toBeLessThan(0.05);
    expect(bad.slicedW2).toBeGreaterThan(3 * floor.slicedW2);
    expect(bad.logLikelihood!).toBeLessThan(floor.logLikelihood! - 1);
  });
});

describe('sampleQuality({ mmdPoints })', () => {
  it('computes the MMD on an evenly spaced subset of at most mmdPoints points and says how many', () => {
    const mix = datasetMixture('moons');
    const samples = sampleDataset('moons', mulberry32(3), 6000);
    const full = sampleQuality(mix, samples, { referenceSize: 1000 });
    const thin = sampleQuality(mix, samples, { referenceSize: 1000, mmdPoints: 500 });
    expect(thin.slicedW2).toBe(full.slicedW2);
    expect(thin.logLikelihood).toBe(full.logLikelihood);
    expect(mmdPointsUsed(6000, { mmdPoints: 500 })).toBe(500);
    expect(mmdPointsUsed(300, { mmdPoints: 500 })).toBe(300);
    expect(Math.abs(thin.mmd2 - full.mmd2)).toBeLessThan(0.01);
  });

  it('thinPoints() keeps every k-th point and leaves small sets alone', () => {
    const pts = Float64Array.from({ length: 20 }, (_, i) => i);
    expect(Array.from(thinPoints(pts, 5))).toEqual([0, 1, 4, 5, 8, 9, 12, 13, 16, 17]);
    expect(thinPoints(pts, 10)).toBe(pts);
  });
});
