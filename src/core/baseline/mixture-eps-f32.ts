/**
 * The exact mixture ε* (src/core/denoise/mixture-eps.ts) in plain loops over Float32Array, for the
 * benchmark's baseline: same arithmetic, float32 storage.
 */
import type { Mixture2D } from '../data/mixture.ts';

export function mixtureEpsilonF32(mix: Mixture2D, x: Float32Array, alpha: number, out = new Float32Array(x.length)): Float32Array {
  const k = mix.weights.length;
  const sa = Math.sqrt(alpha);
  const so = Math.sqrt(1 - alpha);
  const mx = new Float32Array(k);
  const my = new Float32Array(k);
  const inv = new Float32Array(k);
  const logc = new Float32Array(k);
  for (let j = 0; j < k; j++) {
    const v = alpha * mix.variances[j] + 1 - alpha;
    mx[j] = sa * mix.means[2 * j];
    my[j] = sa * mix.means[2 * j + 1];
    inv[j] = 1 / v;
    logc[j] = Math.log(mix.weights[j]) - Math.log(v);
  }
  const logits = new Float32Array(k);
  for (let i = 0; i < x.length; i += 2) {
    const px = x[i];
    const py = x[i + 1];
    let max = -Infinity;
    for (let j = 0; j < k; j++) {
      const dx = px - mx[j];
      const dy = py - my[j];
      const l = logc[j] - 0.5 * (dx * dx + dy * dy) * inv[j];
      logits[j] = l;
      if (l > max) max = l;
    }
    let z = 0;
    let ex = 0;
    let ey = 0;
    for (let j = 0; j < k; j++) {
      const r = Math.exp(logits[j] - max) * inv[j];
      z += Math.exp(logits[j] - max);
      ex += r * (px - mx[j]);
      ey += r * (py - my[j]);
    }
    out[i] = (so * ex) / z;
    out[i + 1] = (so * ey) / z;
  }
  return out;
}
