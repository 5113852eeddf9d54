/** Crossing between core's Float64Arrays and tfjs's float32 tensors. */
import * as tf from '@tensorflow/tfjs-core';

/**
 * A float32 tensor from float64 (or float32) data. tfjs rejects Float64Array, so the values are
 * rounded to float32 here, once, explicitly.
 */
export function tensorFrom(data: ArrayLike<number>, shape: number[]): tf.Tensor {
  const f32 = data instanceof Float32Array ? data : Float32Array.from(data);
  return tf.tensor(f32, shape, 'float32');
}
