/**
 * MNIST pixels to the model's range and back, as diffusers' pipelines do.
 *
 * In: the usual preprocessing to [−1, 1] (diffusers' VaeImageProcessor.normalize, `2 · image − 1` on
 * image = p / 255), i.e. x = p / 127.5 − 1: 0 → −1 (background), 255 → 1 (ink).
 * Out: the end of DDIMPipeline.__call__ (pipeline_ddim.py at 58eb52c), `(image / 2 + 0.5).clamp(0, 1)`
 * then numpy_to_pil's `(images * 255).round().astype("uint8")` (numpy rounds half to even). For every
 * byte p the round trip gives p back exactly.
 */
import { roundHalfEven } from '../pipeline/output.ts';
import type { MnistSet } from './mnist-format.ts';

/** x = p / 127.5 − 1 for each byte p (0…255 → −1…1). */
export function pixelsToModel(pixels: Uint8Array): Float64Array {
  if (!(pixels instanceof Uint8Array)) throw new TypeError('pixelsToModel expects a Uint8Array of bytes 0…255');
  const out = new Float64Array(pixels.length);
  for (let i = 0; i < pixels.length; i++) out[i] = pixels[i] / 127.5 - 1;
  return out;
}

/** round(clamp(x / 2 + 0.5, 0, 1) · 255) for each value, ties to even (numpy_to_pil). Throws on NaN. */
export function modelToPixels(x: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (Number.isNaN(v)) throw new RangeError(`modelToPixels: value ${i} is NaN`);
    const u = Math.min(1, Math.max(0, v / 2 + 0.5));
    out[i] = roundHalfEven(u * 255);
  }
  return out;
}

export interface MnistSubsetOptions {
  /** First image of the subset. Default 0. */
  start?: number;
  /** Number of images. Default: all from `start` to the end. */
  count?: number;
}

/**
 * Images start … start + count − 1 of the set, scaled to [−1, 1] as one row-major Float64Array
 * [count, rows·cols], with their labels. The binary interleaves the classes (scripts/mnist-data.ts),
 * so a prefix of k·10 images (k ≤ 863) holds k of each digit.
 */
export function mnistSubset(set: MnistSet, { start = 0, count = set.count - start }: MnistSubsetOptions = {}) {
  if (!(Number.isInteger(start) && start >= 0 && start < set.count)) {
    throw new RangeError(`MNIST subset start must be an integer in [0, ${set.count - 1}], got ${start}`);
  }
  if (!(Number.isInteger(count) && count >= 1 && start + count <= set.count)) {
    throw new RangeError(`MNIST subset count must be an integer in [1, ${set.count - start}] from start ${start}, got ${count}`);
  }
  const d = set.rows * set.cols;
  return {
    count,
    dim: d,
    images: pixelsToModel(set.pixels.subarray(start * d, (start + count) * d)),
    labels: set.labels.slice(start, start + count),
  };
}
