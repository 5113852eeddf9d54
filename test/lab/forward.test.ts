import '@tensorflow/tfjs';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { forwardNoise } from '../../src/lab/forward.ts';
import { tensorFrom } from '../../src/lab/tensors.ts';
import { forwardSample } from '../../src/core/forward.ts';
import { mulberry32, randn } from '../../src/core/rng.ts';
import { assertClose } from '../assert-close.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('forwardNoise() on tensors', () => {
  it('agrees with the float64 core forwardSample to float32 precision and leaks no tensors', async () => {
    const x0 = randn(mulberry32(1), 200);
    const eps = randn(mulberry32(2), 200);
    const before = tf.memory().numTensors;
    const a = tensorFrom(x0, [100, 2]);
    const e = tensorFrom(eps, [100, 2]);
    const xt = forwardNoise(a, e, 0.3);
    const got = await xt.data();
    tf.dispose([a, e, xt]);
    expect(tf.memory().numTensors).toBe(before);
    assertClose(Array.from(got), Array.from(forwardSample(x0, eps, 0.3)), { abs: 1e-6, rel: 1e-6 });
  });
});
