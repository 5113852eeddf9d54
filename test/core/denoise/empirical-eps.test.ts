import { describe, expect, it } from 'vitest';
import { assertClose } from '../../assert-close.ts';
import { empiricalMixture } from '../../../src/core/data/mixture.ts';
import { mnistSubset } from '../../../src/core/data/mnist.ts';
import { empiricalEpsilon, empiricalPosteriorMean, empiricalWeights } from '../../../src/core/denoise/empirical-eps.ts';
import { mixtureEpsilon } from '../../../src/core/denoise/mixture-eps.ts';
import { mulberry32, randn } from '../../../src/core/rng.ts';
import { loadMnist } from '../../mnist-fixture.ts';

describe('empiricalEpsilon', () => {
  it('in 2D equals mixtureEpsilon of the empirical mixture (variances 0)', () => {
    const pts = randn(mulberry32(1), 2 * 50);
    const x = randn(mulberry32(2), 2 * 20);
    for (const alpha of [0.999, 0.7, 0.1]) {
      assertClose(empiricalEpsilon({ points: pts, count: 50, dim: 2 }, x, alpha), mixtureEpsilon(empiricalMixture(pts), x, alpha), { rel: 1e-12, abs: 1e-12 });
    }
  });

  it('in a few dimensions equals the formula with exp(ℓ_k) taken literally (no max shift)', () => {
    const d = 3;
    const pts = randn(mulberry32(3), d * 7);
    const x = randn(mulberry32(4), d);
    const alpha = 0.6;
    const sa = Math.sqrt(alpha);
    const w = Array.from({ length: 7 }, (_, k) => Math.exp(-[0, 1, 2].reduce((s, j) => s + (x[j] - sa * pts[k * d + j]) ** 2, 0) / (2 * (1 - alpha))));
    const z = w.reduce((a, b) => a + b);
    const mean = [0, 1, 2].map((j) => w.reduce((s, wk, k) => s + (wk / z) * pts[k * d + j], 0));
    const eps = mean.map((m, j) => (x[j] - sa * m) / Math.sqrt(1 - alpha));
    assertClose(empiricalEpsilon({ points: pts, count: 7, dim: d }, x, alpha), eps, { rel: 1e-12, abs: 1e-12 });
  });

  it('in 784 dimensions on MNIST: weights sum to 1 without underflow, and ε* is finite at every α', () => {
    const train = mnistSubset(loadMnist(), { count: 200 });
    const set = { points: train.images, count: 200, dim: 784 };
    const held = mnistSubset(loadMnist(), { start: 9000, count: 1 }).images;
    const e = randn(mulberry32(5), 784);
    for (const alpha of [1e-6, 0.01, 0.5, 0.99, 0.9999, 1 - 1e-9]) {
      const x = held.map((v, j) => Math.sqrt(alpha) * v + Math.sqrt(1 - alpha) * e[j]);
      const r = empiricalWeights(set, x, alpha);
      expect(Math.abs(r.reduce((a, b) => a + b) - 1)).toBeLessThan(1e-12);
      expect(Math.max(...r)).toBeGreaterThan(0);
      expect(empiricalEpsilon(set, x, alpha).every(Number.isFinite)).toBe(true);
    }
  });

  it('near α = 1, from a training digit, returns that digit as x̂_0 and the noise as ε*', () => {
    const train = mnistSubset(loadMnist(), { count: 300 });
    const set = { points: train.images, count: 300, dim: 784 };
    const alpha = 0.9999;
    const e = randn(mulberry32(6), 784);
    const k = 123;
    const x = Float64Array.from(e, (v, j) => Math.sqrt(alpha) * train.images[k * 784 + j] + Math.sqrt(1 - alpha) * v);
    assertClose(empiricalPosteriorMean(set, x, alpha), train.images.subarray(k * 784, (k + 1) * 784), { abs: 1e-12 });
    assertClose(empiricalEpsilon(set, x, alpha), e, { abs: 1e-9 });
  });

  it('names what is wrong', () => {
    const set = { points: new Float64Array(6), count: 2, dim: 3 };
    expect(() => empiricalEpsilon(set, new Float64Array(3), 1)).toThrow(/alpha must be in \(0, 1\), got 1/);
    expect(() => empiricalEpsilon(set, new Float64Array(4), 0.5)).toThrow(/x has 4 values, not a multiple of dim 3/);
    expect(() => empiricalEpsilon({ ...set, count: 3 }, new Float64Array(3), 0.5)).toThrow(/expected 3 × 3 = 9 values, got 6/);
    expect(() => empiricalWeights(set, new Float64Array(2), 0.5)).toThrow(/x has 2 values, the set has dim 3/);
  });
});
