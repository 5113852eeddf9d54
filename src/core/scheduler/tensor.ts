/**
 * The plain tensor type of the scheduler API: a flat typed array plus its shape, row-major.
 * Axis 0 is the batch. The array type is the precision: Float64Array computes in double,
 * Float32Array rounds every operation to float32 as torch does. Results keep the input's array type.
 */

export type TensorData = Float64Array | Float32Array;

export interface Tensor<D extends TensorData = TensorData> {
  data: D;
  shape: number[];
}

/** A tensor from data and shape; checks that they agree. */
export function tensor<D extends TensorData>(data: D, shape: readonly number[]): Tensor<D> {
  const size = shape.reduce((a, b) => a * b, 1);
  if (!shape.every((d) => Number.isInteger(d) && d >= 0) || size !== data.length) {
    throw new RangeError(`shape [${shape.join(', ')}] does not fit ${data.length} elements`);
  }
  return { data, shape: [...shape] };
}

/** A tensor of the same shape and array type as `like`, filled by `fill(i)`. */
export function tensorLike<D extends TensorData>(like: Tensor<D>, fill: (i: number) => number): Tensor<D> {
  const data = (like.data instanceof Float32Array ? new Float32Array(like.data.length) : new Float64Array(like.data.length)) as D;
  for (let i = 0; i < data.length; i++) data[i] = fill(i);
  return { data, shape: [...like.shape] };
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

export function precisionOf(data: TensorData): 'float32' | 'float64' {
  return data instanceof Float32Array ? 'float32' : 'float64';
}
