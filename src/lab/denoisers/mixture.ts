/**
 * The exact ε* of a Gaussian mixture on tensors; the float64 reference with the derivation is
 * src/core/denoise/mixture-eps.ts. For the empirical distribution of a dataset (variances 0) this is
 * the softmax-weighted denoiser that reproduces training points.
 *
 * Per step, with v_k = α s_k² + 1 − α and m_k = √α μ_k (computed in float64, uploaded as [1, K]):
 *   logits_ik = log w_k − log v_k − |x_i − m_k|² / (2 v_k),   r = softmax(logits) over k,
 *   ε*_i = √(1 − α) (x_i Σ_k r_ik / v_k − Σ_k (r_ik / v_k) m_k),
 * the last sum as one matrix product [N, K]·[K, 2]. Squared distances are formed from differences
 * (not |x|² − 2x·m + |m|², whose float32 cancellation would blur the sharp late-step weights).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Mixture2D } from '../../core/data/mixture.ts';
import { tensorFrom } from '../tensors.ts';
import type { StepInfo, TensorDenoiser } from './types.ts';

export function mixtureDenoiser(mix: Mixture2D): TensorDenoiser {
  const k = mix.weights.length;
  const means = tensorFrom(mix.means, [1, k, 2]);
  const means2d = tensorFrom(mix.means, [k, 2]);
  return {
    epsilon(x: tf.Tensor, { alphaBar }: StepInfo) {
      const a = alphaBar;
      if (!(a > 0 && a < 1)) throw new RangeError(`alphaBar must be in (0, 1), got ${a}`);
      const v = new Float64Array(k);
      const logc = new Float64Array(k);
      for (let j = 0; j < k; j++) {
        v[j] = a * mix.variances[j] + 1 - a;
        logc[j] = Math.log(mix.weights[j]) - Math.log(v[j]);
      }
      return tf.tidy(() => {
        const n = x.shape[0];
        const m = tf.mul(means, Math.sqrt(a)); // [1, K, 2]
        const diff = tf.sub(tf.reshape(x, [n, 1, 2]), m); // [N, K, 2]
        const d2 = tf.sum(tf.square(diff), 2); // [N, K]
        const invV = tensorFrom(v.map((x) => 1 / x), [1, k]);
        const logits = tf.sub(tensorFrom(logc, [1, k]), tf.mul(d2, tf.mul(invV, 0.5)));
        const rv = tf.mul(tf.softmax(logits), invV); // r_k / v_k, [N, K]
        // Σ_k (r/v)(x − m_k) = x Σ_k r/v − (r/v)·m, with m = √α μ as a [K, 2] matrix.
        const weighted = tf.sub(tf.mul(x, tf.sum(rv, 1, true)), tf.matMul(rv, tf.mul(means2d, Math.sqrt(a))));
        return tf.mul(weighted, Math.sqrt(1 - a));
      });
    },
    dispose() {
      means.dispose();
      means2d.dispose();
    },
  };
}
