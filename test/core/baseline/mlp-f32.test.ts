import '@tensorflow/tfjs';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertClose } from '../../assert-close.ts';
import { mlpForwardF32, mlpGradientsF32, mlpInputs } from '../../../src/core/baseline/mlp-f32.ts';
import { mixtureEpsilonF32 } from '../../../src/core/baseline/mixture-eps-f32.ts';
import { ddimLoopF32 } from '../../../src/core/baseline/ddim-loop-f32.ts';
import { datasetMixture } from '../../../src/core/data/datasets.ts';
import { mixtureEpsilon } from '../../../src/core/denoise/mixture-eps.ts';
import { initMlpParams } from '../../../src/core/nn/mlp-layout.ts';
import { timeEmbedding } from '../../../src/core/nn/time-embedding.ts';
import { mulberry32, randn } from '../../../src/core/rng.ts';
import { referenceSample } from '../../../src/core/sampling/reference-sampler.ts';
import { createMlp } from '../../../src/lab/mlp/model.ts';
import { tensorFrom } from '../../../src/lab/tensors.ts';

const small = { hidden: 8, depth: 2 };

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('plain-TS baseline', () => {
  it('mlpForwardF32 equals the tfjs model on the same parameters', () => {
    const params = initMlpParams(mulberry32(5));
    const x = randn(mulberry32(6), 64);
    const emb = timeEmbedding([321], 16);
    const got = mlpForwardF32(params, mlpInputs(x, emb, 32, 16, false), 32);
    const model = createMlp(params);
    const want = tf.tidy(() => model.apply(tensorFrom(x, [32, 2]), tensorFrom(emb, [1, 16])).dataSync());
    model.dispose();
    assertClose(Array.from(got), Array.from(want), { abs: 1e-5, rel: 1e-4 });
  });

  it('mlpGradientsF32 matches central differences of the loss', () => {
    const params = initMlpParams(mulberry32(7), small).map((p) => p.map((v) => v * 10));
    const rows = 6;
    const input = Float32Array.from(randn(mulberry32(8), rows * 18));
    const target = randn(mulberry32(9), rows * 2);
    const { grads } = mlpGradientsF32(params, input, target, rows, small);
    const lossAt = (ps: Float32Array[]) => {
      const out = mlpForwardF32(ps, input, rows, small);
      let s = 0;
      for (let i = 0; i < out.length; i++) s += (out[i] - target[i]) ** 2;
      return s / out.length;
    };
    const h = 1e-2;
    for (const [q, i] of [[0, 3], [1, 2], [2, 5], [3, 1], [4, 7], [5, 0]]) {
      const plus = params.map((p) => Float32Array.from(p));
      const minus = params.map((p) => Float32Array.from(p));
      plus[q][i] += h;
      minus[q][i] -= h;
      const fd = (lossAt(plus) - lossAt(minus)) / (2 * h);
      expect(Math.abs(grads[q][i] - fd)).toBeLessThan(2e-3 * Math.max(1, Math.abs(fd)));
    }
  });

  it('mixtureEpsilonF32 and ddimLoopF32 agree with the float64 ε* and reference sampler', () => {
    const mix = datasetMixture('circles');
    const x = Float32Array.from(randn(mulberry32(10), 400));
    assertClose(Array.from(mixtureEpsilonF32(mix, x, 0.3)), Array.from(mixtureEpsilon(mix, x, 0.3)), { abs: 1e-5, rel: 1e-4 });
    const xT = randn(mulberry32(12), 200);
    const got = ddimLoopF32(Float32Array.from(xT), 10, (xs, a) => mixtureEpsilonF32(mix, xs, a));
    const want = referenceSample({ mixture: mix, numInferenceSteps: 10, xT });
    assertClose(Array.from(got), Array.from(want), { abs: 2e-3 });
  });
});
