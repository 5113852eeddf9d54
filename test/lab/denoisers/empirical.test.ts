/**
 * The exact ε* of MNIST digits on tensors (src/lab/denoisers/empirical.ts) against the float64
 * reference (src/core/denoise/empirical-eps.ts), on the cpu and wasm backends.
 *
 * Tolerance. Both sides get the same float32-rounded x_t and digits, so the difference is the
 * tensor arithmetic: float32 products and sums over 784 pixels and M digits. Measured max |Δε| /
 * max(1, ‖ε*‖∞) over α from 1e−4 to 0.99999, M = 1000 and 10,000: 2.9e−6 on cpu, 9.1e−6 on wasm
 * (which sums a row in order); allowed 3e−5.
 */
import '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { mnistSubset } from '../../../src/core/data/mnist.ts';
import { empiricalEpsilon, type EmpiricalSet } from '../../../src/core/denoise/empirical-eps.ts';
import { mulberry32, randn } from '../../../src/core/rng.ts';
import { DDIMScheduler } from '../../../src/core/scheduler/ddim.ts';
import { empiricalDenoiser } from '../../../src/lab/denoisers/empirical.ts';
import { tensorPipeline } from '../../../src/lab/pipeline.ts';
import { loadMnist } from '../../mnist-fixture.ts';

const D = 784;

function trainingSet(count: number): EmpiricalSet {
  return { points: Float32Array.from(mnistSubset(loadMnist(), { count }).images), count, dim: D };
}

/** x_t = √α x_0 + √(1 − α) ε for the given digits, rounded to float32. */
function noisy(x0: ArrayLike<number>, alpha: number, seed: number): Float32Array {
  const e = randn(mulberry32(seed), x0.length);
  return Float32Array.from(e, (v, i) => Math.sqrt(alpha) * x0[i] + Math.sqrt(1 - alpha) * v);
}

function run(set: EmpiricalSet, x: Float32Array, alpha: number, refineTop?: number): Float32Array {
  const before = tf.memory().numTensors;
  const den = empiricalDenoiser(set, refineTop === undefined ? {} : { refineTop });
  const xt = tf.tensor(x, [x.length / D, D]);
  const eps = den.epsilon(xt, { timestep: 0, alphaBar: alpha });
  const out = eps.dataSync() as Float32Array;
  tf.dispose([xt, eps]);
  den.dispose();
  expect(tf.memory().numTensors).toBe(before);
  return out;
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}
const maxAbs = (a: ArrayLike<number>) => maxAbsDiff(a, new Float64Array(a.length));

const TOL = 3e-5;
const held = () => mnistSubset(loadMnist(), { start: 9000, count: 4 }).images; // not in the subsets below
const seen = () => mnistSubset(loadMnist(), { start: 0, count: 4 }).images;

for (const backend of ['cpu', 'wasm'] as const) {
  describe(`empiricalDenoiser on the tfjs ${backend} backend`, () => {
    beforeAll(async () => {
      expect(await tf.setBackend(backend)).toBe(true);
      await tf.ready();
    });

    it.each([1e-4, 0.01, 0.3, 0.7, 0.9, 0.99, 0.999, 0.9999, 0.99999])('matches the float64 ε* on real digits within float32 at α = %s (1000 digits)', (alpha) => {
      const set = trainingSet(1000);
      for (const [x0, seed] of [[held(), 7], [seen(), 8]] as const) {
        const x = noisy(x0, alpha, seed);
        const ref = empiricalEpsilon(set, x, alpha);
        expect(maxAbsDiff(run(set, x, alpha), ref)).toBeLessThanOrEqual(TOL * Math.max(1, maxAbs(ref)));
      }
    });

    it.each([0.5, 0.9999])('matches the float64 ε* with all 10,000 digits at α = %s', (alpha) => {
      const set = trainingSet(10_000);
      const x = noisy(mnistSubset(loadMnist(), { start: 9990, count: 4 }).images, alpha, 9);
      const ref = empiricalEpsilon(set, x, alpha);
      expect(maxAbsDiff(run(set, x, alpha), ref)).toBeLessThanOrEqual(TOL * Math.max(1, maxAbs(ref)));
    });

    it('on the bisector of two close digits keeps x̂_0 within half a gray level, where the |x|² − 2x·μ + |μ|² expansion alone does not', () => {
      const set = trainingSet(1000);
      // Digit 1 and its nearest neighbour in the subset (digit 41, squared distance 10.8): x_t = √α (μ_1 + μ_41)/2 + tiny noise.
      const e = randn(mulberry32(3), D);
      const p = set.points;
      const worst = { refined: 0, expanded: 0 };
      for (const alpha of [0.99, 0.999, 0.9999]) {
        const x = Float32Array.from(e, (v, j) => (Math.sqrt(alpha) * (p[1 * D + j] + p[41 * D + j])) / 2 + 1e-3 * Math.sqrt(1 - alpha) * v);
        const ref = empiricalEpsilon(set, x, alpha);
        const toX0 = Math.sqrt((1 - alpha) / alpha); // |Δx̂_0| = √((1 − α)/α) |Δε| (DDIM eq. 9)
        worst.refined = Math.max(worst.refined, toX0 * maxAbsDiff(run(set, x, alpha), ref));
        worst.expanded = Math.max(worst.expanded, toX0 * maxAbsDiff(run(set, x, alpha, 0), ref));
      }
      // One gray level is 2/255 in [−1, 1].
      expect(worst.refined).toBeLessThan(1 / 255);
      expect(worst.expanded).toBeGreaterThan(1 / 255);
    });
  });
}

describe('empiricalDenoiser (cpu)', () => {
  beforeAll(async () => {
    expect(await tf.setBackend('cpu')).toBe(true);
    await tf.ready();
  });

  it('at α → 1 gives back the training digit under the noise: x̂_0 = μ_k', () => {
    const set = trainingSet(1000);
    const alpha = 0.99999;
    const x = noisy(seen(), alpha, 11);
    const eps = run(set, x, alpha);
    const x0 = Float64Array.from(eps, (v, i) => (x[i] - Math.sqrt(1 - alpha) * v) / Math.sqrt(alpha));
    expect(maxAbsDiff(x0, seen())).toBeLessThan(1e-4);
  });

  it('has no NaN or infinity at any α in (0, 1), even far from the data', () => {
    const set = trainingSet(1000);
    const x = Float32Array.from(randn(mulberry32(12), 4 * D), (v, i) => (i < 2 * D ? v : 30 * v));
    for (const alpha of [1e-9, 1e-6, 1e-3, 0.1, 0.5, 0.9, 0.999, 1 - 1e-6, 1 - 1e-9]) {
      expect(run(set, x, alpha).every(Number.isFinite)).toBe(true);
    }
  });

  it('drives a 20-step DDIM run (η = 0) from 4 seeds onto training digits, with no tensor left behind', async () => {
    const set = trainingSet(1000);
    const before = tf.memory().numTensors;
    const den = empiricalDenoiser(set);
    const pipe = tensorPipeline(den, new DDIMScheduler({ clipSample: false }), [1, 28, 28]);
    const out = await pipe.call({ batchSize: 4, generator: mulberry32(15), eta: 0, numInferenceSteps: 20, outputType: 'np' });
    const x = (await out.sample.data()) as Float32Array;
    out.sample.dispose();
    den.dispose();
    expect(tf.memory().numTensors).toBe(before);
    for (let i = 0; i < 4; i++) {
      let best = Infinity;
      for (let k = 0; k < set.count; k++) best = Math.min(best, maxAbsDiff(x.subarray(i * D, (i + 1) * D), (set.points as Float32Array).subarray(k * D, (k + 1) * D)));
      // The last step reads ᾱ_0 = 0.9999 and final_alpha_cumprod = 1: the sample is that step's x̂_0, a training digit.
      expect(best).toBeLessThan(1e-4);
    }
  });

  it('names what is wrong', () => {
    const set = trainingSet(10);
    expect(() => empiricalDenoiser(set, { refineTop: -1 })).toThrow(/refineTop must be a non-negative integer, got -1/);
    expect(() => empiricalDenoiser({ ...set, count: 11 })).toThrow(/expected 11 × 784/);
    const den = empiricalDenoiser(set);
    const x = tf.zeros([2, 100]);
    expect(() => den.epsilon(x, { timestep: 0, alphaBar: 0.5 })).toThrow(/200 values, not a multiple of dim 784/);
    expect(() => den.epsilon(x, { timestep: 0, alphaBar: 1 })).toThrow(/alphaBar must be in \(0, 1\), got 1/);
    x.dispose();
    den.dispose();
  });
});
