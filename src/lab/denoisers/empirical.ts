/**
 * The exact ε* of the empirical distribution of M training points in d dimensions (MNIST: d = 784),
 * batched on tensors. Float64 reference and derivation: src/core/denoise/empirical-eps.ts.
 *
 * Per step, for x [N, d] and the points μ [M, d]:
 *   d²_ik = |x_i|² − 2√α x_i·μ_k + α|μ_k|²      (one product [N, d]·[d, M]; |μ_k|² in float64, once)
 *   ℓ_ik = −d²_ik / (2(1 − α)),  r_ik = exp(ℓ_ik − max_j ℓ_ij) / Σ_k exp(ℓ_ik − max_j ℓ_ij)
 *   ε*_i = (x_i − √α Σ_k r_ik μ_k) / √(1 − α)   (one product [N, M]·[M, d])
 * Time is O(N·M·d), memory O(M·d + N·M): no [N, M, d] tensor, where the 2D lab's differences
 * (mixture.ts) would need 16 × 10,000 × 784 floats (500 MB). Measured by scripts/mnist-cost.ts.
 *
 * Float32 cancellation. The expansion loses about 2⁻²⁴·|x||μ| ≈ 10⁻⁴ … 10⁻³ absolute in d² (|x|² ≈ 600
 * for a digit), i.e. 10⁻³/(2(1 − α)) in the logits: 5 at α = 0.9999. That is harmless while one digit
 * dominates (the usual case late in sampling: the runner-up is 10⁴…10⁵ behind in the logits) and wrong
 * near a tie: on the bisector of two close training digits at α = 0.9999 the expansion alone is off by
 * 33 in ε* (‖ε*‖∞ = 60, a third of the gray range in x̂_0). So the `refineTop` nearest points (by the
 * expanded d²) get their d² again from differences (gathered [N, k, d], summed as 28 × 28), exact to
 * the float32 rounding of the small d² itself: there the error drops to 0.6 in ε*, 0.006 in x̂_0 (under
 * one gray level, 2/255). The other points are far behind and keep the expansion. Measured in
 * test/lab/denoisers/empirical.test.ts; on real noisy digits the error stays within 1e−5 · max(1, ‖ε*‖∞).
 */
import * as tf from '@tensorflow/tfjs-core';
import { checkEmpiricalSet, type EmpiricalSet } from '../../core/denoise/empirical-eps.ts';
import { tensorFrom } from '../tensors.ts';
import type { StepInfo, TensorDenoiser } from './types.ts';

export interface EmpiricalDenoiserOptions {
  /**
   * How many nearest training points per sample get their squared distance re-formed from
   * differences (see above). 0 uses the expansion alone. Default 8 (at most M).
   */
  refineTop?: number;
}

/**
 * Σ over the last axis (length d) of a [N, k, d] tensor as two shorter sums (d = a·b, a the largest
 * divisor ≤ √d: 28 · 28 for a digit). A backend that accumulates a row in order (wasm) loses about
 * d·2⁻²⁴ relative in one long sum and about (a + b)·2⁻²⁴ in two short ones.
 */
function splitSum(t: tf.Tensor, n: number, k: number, d: number): tf.Tensor {
  let a = Math.floor(Math.sqrt(d));
  while (d % a !== 0) a--;
  return tf.sum(tf.sum(tf.reshape(t, [n, k, a, d / a]), 3), 2);
}

export function empiricalDenoiser(set: EmpiricalSet, { refineTop = 8 }: EmpiricalDenoiserOptions = {}): TensorDenoiser {
  checkEmpiricalSet(set);
  const { count: m, dim: d } = set;
  if (!(Number.isInteger(refineTop) && refineTop >= 0)) throw new RangeError(`refineTop must be a non-negative integer, got ${refineTop}`);
  const k = Math.min(refineTop, m);
  const norms = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    let s = 0;
    for (let i = j * d; i < (j + 1) * d; i++) s += set.points[i] * set.points[i];
    norms[j] = s;
  }
  const mu = tensorFrom(set.points, [m, d]);
  // Both layouts are kept (2·M·d floats: 63 MB for 10,000 digits): wasm's matMul is about 10× slower
  // when the large operand is transposed or on the left (x·μ with transposeB: 140 ms against 12 ms).
  const muT = tf.transpose(mu);
  const muNorm2 = tensorFrom(norms, [1, m]);
  return {
    epsilon(x: tf.Tensor, { alphaBar: a }: StepInfo) {
      if (!(a > 0 && a < 1)) throw new RangeError(`alphaBar must be in (0, 1), got ${a}`);
      if (x.size % d !== 0) throw new RangeError(`empirical denoiser: x has ${x.size} values, not a multiple of dim ${d}`);
      const sa = Math.sqrt(a);
      return tf.tidy(() => {
        const n = x.size / d;
        const xf = tf.reshape(x, [n, d]);
        const xNorm2 = tf.sum(tf.square(xf), 1, true); // [N, 1]
        const cross = tf.matMul(xf, muT); // [N, M]
        let d2 = tf.add(tf.sub(xNorm2, tf.mul(cross, 2 * sa)), tf.mul(muNorm2, a));
        if (k > 0) {
          const { values, indices } = tf.topk(tf.neg(d2), k); // the k nearest by the expansion
          const near = tf.reshape(tf.gather(mu, tf.reshape(indices, [n * k])), [n, k, d]);
          const exact = splitSum(tf.square(tf.sub(tf.reshape(xf, [n, 1, d]), tf.mul(near, sa))), n, k, d); // [N, k]
          const delta = tf.add(exact, values); // exact − expanded (values = −expanded)
          // Added at (i, index) only. (Not with tf.oneHot: tfjs-backend-wasm 4.22's OneHot writes int32
          // bits into a float32 output, 1 → 1.4e−45, and an [N, k, M] one-hot costs more than the rest.)
          const rows = tf.tile(tf.reshape(tf.range(0, n, 1, 'int32'), [n, 1]), [1, k]);
          d2 = tf.add(d2, tf.scatterND(tf.stack([rows, indices], 2), delta, [n, m]));
        }
        const logits = tf.mul(d2, -1 / (2 * (1 - a)));
        const w = tf.exp(tf.sub(logits, tf.max(logits, 1, true))); // log-space: the largest weight is 1
        const r = tf.div(w, tf.sum(w, 1, true));
        const mean = tf.matMul(r, mu); // Σ_k r_k μ_k, [N, d]
        return tf.reshape(tf.div(tf.sub(xf, tf.mul(mean, sa)), Math.sqrt(1 - a)), x.shape);
      });
    },
    dispose() {
      tf.dispose([mu, muT, muNorm2]);
    },
  };
}
