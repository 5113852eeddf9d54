/**
 * The end of DDIMPipeline.__call__ (pipeline_ddim.py at 58eb52c):
 *
 *   image = (image / 2 + 0.5).clamp(0, 1)
 *   image = image.cpu().permute(0, 2, 3, 1).numpy()
 *   if output_type == "pil": image = self.numpy_to_pil(image)   # (images * 255).round().astype("uint8")
 *
 * The model's range [−1, 1] maps to [0, 1]; anything outside is clamped, so a sample at −1.4 and one
 * at −1 give the same pixel. numpy's round is half to even (127.5 → 128, 0.5 → 0).
 */
import type { ArrayOps } from '../scheduler/ops.ts';
import type { Tensor, TensorData } from '../scheduler/tensor.ts';

export const OUTPUT_TYPES = ['pil', 'np'] as const;
export type OutputType = (typeof OUTPUT_TYPES)[number];

export interface OutputImages {
  /** "np": floats in [0, 1] (the sample's precision); "pil": bytes 0…255. */
  images: TensorData | Uint8Array;
  /** [B, H, W, C] for image items ([C, H, W]); [B, …item] otherwise. */
  imageShape: number[];
  outputType: OutputType;
}

/** numpy.round: to the nearest integer, ties to even. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** (image / 2 + 0.5).clamp(0, 1), in the sample's precision, as a flat array in the sample's layout. */
export function toUnitRange(ops: ArrayOps<Tensor>, image: Tensor): Tensor {
  const half = ops.divide(image, 2);
  const shifted = ops.add(half, { data: half.data.map(() => 0.5) as TensorData, shape: half.shape });
  return ops.clamp(shifted, 0, 1);
}

/** NCHW → NHWC for 4-D arrays (permute(0, 2, 3, 1)); other shapes unchanged. */
export function toChannelsLast(t: Tensor): { data: TensorData; shape: number[] } {
  if (t.shape.length !== 4) return { data: t.data, shape: [...t.shape] };
  const [B, C, H, W] = t.shape;
  const out = new (t.data.constructor as { new (n: number): TensorData })(t.data.length);
  for (let b = 0; b < B; b++) for (let c = 0; c < C; c++) for (let h = 0; h < H; h++) for (let w = 0; w < W; w++) {
    out[((b * H + h) * W + w) * C + c] = t.data[((b * C + c) * H + h) * W + w];
  }
  return { data: out, shape: [B, H, W, C] };
}

export function toOutputImages(ops: ArrayOps<Tensor>, image: Tensor, outputType: OutputType): OutputImages {
  const { data, shape } = toChannelsLast(toUnitRange(ops, image));
  if (outputType === 'np') return { images: data, imageShape: shape, outputType };
  // numpy_to_pil: images * 255 in the array's dtype, then round half to even, then uint8.
  const f32 = data instanceof Float32Array;
  const bytes = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) bytes[i] = roundHalfEven(f32 ? Math.fround(data[i] * 255) : data[i] * 255);
  return { images: bytes, imageShape: shape, outputType };
}
