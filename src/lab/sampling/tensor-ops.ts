/**
 * `ArrayOps` (src/core/scheduler/ops.ts) on tfjs tensors, so the scheduler's one `step()` runs on
 * tensors unchanged. Each method is one tfjs op (float32); call the scheduler inside tf.tidy so the
 * intermediates are freed. Axis 0 is the batch; a per-item coefficient is broadcast over the rest.
 */
import * as tf from '@tensorflow/tfjs-core';
import { randn, type Rng } from '../../core/rng.ts';
import type { ArrayOps, Coef } from '../../core/scheduler/ops.ts';

function coef(a: tf.Tensor, c: Coef): tf.Tensor | number {
  if (typeof c === 'number') return c;
  if (c.length === 1) return c[0];
  const shape = [c.length, ...a.shape.slice(1).map(() => 1)];
  return tf.tensor(Float32Array.from(c), shape);
}

export const tensorOps: ArrayOps<tf.Tensor> = {
  precision: 'float32',
  shape: (a) => a.shape,
  batchSize: (a) => a.shape[0] ?? 1,
  add: (a, b) => tf.add(a, b),
  sub: (a, b) => tf.sub(a, b),
  scale: (a, c) => tf.mul(a, coef(a, c)),
  divide: (a, c) => tf.div(a, coef(a, c)),
  clamp(a, lo, hi) {
    if (typeof lo === 'number' && typeof hi === 'number') return lo > hi ? tf.fill(a.shape, hi) : tf.clipByValue(a, lo, hi);
    return tf.minimum(tf.maximum(a, coef(a, lo)), coef(a, hi));
  },
  quantileAbs(a, q) {
    // torch.quantile with linear interpolation, per batch item (used only by dynamic thresholding).
    const batch = a.shape[0] ?? 1;
    const flat = tf.tidy(() => tf.abs(tf.reshape(a, [batch, -1])));
    const rows = flat.arraySync() as number[][];
    flat.dispose();
    return rows.map((row) => {
      const sorted = row.slice().sort((x, y) => x - y);
      const rank = q * (sorted.length - 1);
      const lo = Math.floor(rank);
      const hi = Math.ceil(rank);
      return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
    });
  },
  allFinite(a) {
    return tf.tidy(() => tf.all(tf.isFinite(a)).dataSync()[0] === 1);
  },
  normalLike: (like, rng: Rng) => tf.tensor(Float32Array.from(randn(rng, like.size)), like.shape),
};
