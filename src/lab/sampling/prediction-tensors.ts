/**
 * The model output of a prediction type equivalent to a noise prediction, on tensors (float64
 * scalar version and formulas in src/core/nn/prediction.ts). Lets an exact denoiser, which gives ε*,
 * drive a scheduler configured for "sample" or "v_prediction".
 */
import * as tf from '@tensorflow/tfjs-core';
import type { PredictionType } from '../../core/nn/prediction.ts';

export function outputFromEpsilonTensor(type: PredictionType, xt: tf.Tensor, eps: tf.Tensor, alphaBar: number): tf.Tensor {
  if (type === 'epsilon') return tf.clone(eps);
  return tf.tidy(() => {
    const sa = Math.sqrt(alphaBar);
    const so = Math.sqrt(1 - alphaBar);
    const x0 = tf.div(tf.sub(xt, tf.mul(eps, so)), sa);
    return type === 'sample' ? x0 : tf.sub(tf.mul(eps, sa), tf.mul(x0, so));
  });
}
