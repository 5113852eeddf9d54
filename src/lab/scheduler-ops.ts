/**
 * `ArrayOps` on tfjs tensors: the same DDIM/DDPM step the core runs on typed arrays
 * (src/core/scheduler/ddim-step.ts), evaluated with tfjs kernels in float32.
 *
 * Each op is one tfjs call, so with the cpu backend (which computes in double and stores float32)
 * the results equal the core's float32 path. Per-item coefficients broadcast along axis 0.
 * `quantileAbs` and `allFinite` read values back (dataSync), as torch.quantile needs sorted data.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ArrayOps, Coef } from '../core/scheduler/ops.ts';
import { quantileSorted } from '../core/scheduler/typed-ops.ts';
import { randn, type Rng } from '../core/rng.ts';
import { tensorFrom } from './tensors.ts';

/** A coefficient as a scalar, or as a [B, 1, …, 1] tensor that broadcasts over each batch item. */
function coef(c: Coef, like: tf.Tensor): number | tf.Tensor {
  if (typeof c === 'number') return Math.fround(c);
  if (c.length === 1) return Math.fround(c[0]);
  return tf.tensor(Float32Array.from(c), [c.length, ...like.shape.slice(1).map(() => 1)], 'float32');
}

export const tensorOps: ArrayOps<tf.Tensor> = {
  precision: 'float32',
  shape: (a) => a.shape,
  batchSize: (a) => a.shape[0] ?? 1,
  add: (a, b) => tf.add(a, b),
  sub: (a, b) => tf.sub(a, b),
  scale: (a, c) => tf.mul(a, coef(c, a)),
  divide: (a, c) => tf.div(a, coef(c, a)),
  // torch.clamp semantics (min, then max), which also hold when lo > hi.
  clamp: (a, lo, hi) => tf.minimum(tf.maximum(a, coef(lo, a)), coef(hi, a)),
  quantileAbs(a, q) {
    const batch = a.shape[0] ?? 1;
    const values = tf.tidy(() => tf.abs(a)).dataSync() as Float32Array;
    const m = values.length / batch;
    return Array.from({ length: batch }, (_, b) => quantileSorted(Array.from(values.subarray(b * m, (b + 1) * m)).sort((x, y) => x - y), q, Math.fround));
  },
  allFinite: (a) => tf.tidy(() => tf.all(tf.isFinite(a))).dataSync()[0] === 1,
  normalLike: (like: tf.Tensor, rng: Rng) => tensorFrom(randn(rng, like.size), like.shape),
};
