import { describe, expect, it } from 'vitest';
import { slicedWasserstein2 } from '../../../src/core/metrics/sliced-wasserstein.ts';
import { mmdSquared } from '../../../src/core/metrics/mmd.ts';
import { qualityFloor, sampleQuality } from '../../../src/core/metrics/sample-quality.ts';
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
