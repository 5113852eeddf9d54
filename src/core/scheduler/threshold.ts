/**
 * Dynamic thresholding of x̂_0 (Saharia et al. 2022, §2.3; diffusers `_threshold_sample`):
 * per batch item, s = clamp(quantile(|x̂_0|, ratio), min = 1, max = sampleMaxValue), then
 * x̂_0 ← clamp(x̂_0, −s, s) / s.
 *
 * Two consequences worth knowing, both reproduced:
 * - s ≥ 1 is only guaranteed when sampleMaxValue ≥ 1. torch.clamp applies min then max, so with
 *   sampleMaxValue < 1 every s equals sampleMaxValue and x̂_0 is stretched to fill [−1, 1].
 * - thresholding replaces clipping: clipSample and clipSampleRange are ignored while it is on.
 */
import type { ArrayOps } from './ops.ts';

/** The per-item thresholds s (after clamping to [1, sampleMaxValue] the torch way). */
export function thresholdValues<A>(ops: ArrayOps<A>, x0: A, ratio: number, sampleMaxValue: number): number[] {
  const r = ops.precision === 'float32' ? Math.fround : (x: number) => x;
  return ops.quantileAbs(x0, ratio).map((q) => r(Math.min(Math.max(q, 1), sampleMaxValue)));
}

export function thresholdSample<A>(ops: ArrayOps<A>, x0: A, ratio: number, sampleMaxValue: number): A {
  const s = thresholdValues(ops, x0, ratio, sampleMaxValue);
  return ops.divide(ops.clamp(x0, s.map((v) => -v), s), s);
}
