/**
 * q(x_t | x_0) on tensors: x_t = √α_t x_0 + √(1 − α_t) ε (DDIM eq. 4). The float64 reference is
 * `forwardSample` in src/core/forward.ts; tests compare the two.
 */
import * as tf from '@tensorflow/tfjs-core';

/** x_t for a batch: `x0` and `eps` of the same shape, `alpha` DDIM's (cumulative) α_t. */
export function forwardNoise(x0: tf.Tensor, eps: tf.Tensor, alpha: number): tf.Tensor {
  return tf.tidy(() => tf.add(tf.mul(x0, Math.sqrt(alpha)), tf.mul(eps, Math.sqrt(1 - alpha))));
}
