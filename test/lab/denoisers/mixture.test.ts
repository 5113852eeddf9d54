import '@tensorflow/tfjs';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertClose } from '../../assert-close.ts';
import { datasetMixture, sampleDataset } from '../../../src/core/data/datasets.ts';
import { empiricalMixture } from '../../../src/core/data/mixture.ts';
import { mixtureEpsilon } from '../../../src/core/denoise/mixture-eps.ts';
import { mulberry32, randn } from '../../../src/core/rng.ts';
import { mixtureDenoiser } from '../../../src/lab/denoisers/mixture.ts';
import { tensorFrom } from '../../../src/lab/tensors.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('mixtureDenoiser (tensors)', () => {
  it.each([0.9999, 0.98, 0.5, 0.01])('matches the float64 ε* of the swiss roll within float32 at α = %s', (alpha) => {
    const mix = datasetMixture('swissroll');
    const x = randn(mulberry32(4), 400).map((v) => 0.8 * v);
    const den = mixtureDenoiser(mix);
    const before = tf.memory().numTensors;
    const xt = tensorFrom(x, [200, 2]);
    const eps = den.epsilon(xt, { timestep: 0, alphaBar: alpha });
    const got = eps.dataSync();
    tf.dispose([xt, eps]);
    expect(tf.memory().numTensors).toBe(before);
    den.dispose();
    // Near α = 1 the posterior weights are sharp and ε* = √(1−α)·(x − m)/v is a large number computed from a small difference.
    assertClose(Array.from(got), Array.from(mixtureEpsilon(mix, x, alpha)), { rel: 1e-4, abs: alpha > 0.999 ? 2e-3 : 2e-4 });
  });

  it('with the empirical mixture of a dataset matches the float64 memorising denoiser', () => {
    const mix = empiricalMixture(sampleDataset('moons', mulberry32(1), 300));
    const x = randn(mulberry32(5), 200);
    const den = mixtureDenoiser(mix);
    const xt = tensorFrom(x, [100, 2]);
    const eps = den.epsilon(xt, { timestep: 0, alphaBar: 0.3 });
    assertClose(Array.from(eps.dataSync()), Array.from(mixtureEpsilon(mix, x, 0.3)), { rel: 1e-4, abs: 1e-4 });
    tf.dispose([xt, eps]);
    den.dispose();
  });
});
