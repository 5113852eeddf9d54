/**
 * The deterministic inputs of the golden files and of diffusers' scheduler tests, rebuilt in TS
 * (golden README "Inputs"; diffusers tests/schedulers/test_schedulers.py `dummy_sample_deter`,
 * `dummy_noise_deter`, `dummy_model`). Shape [4, 3, 8, 8]; flat row-major index i, batch b = ⌊i/192⌋.
 */
import { tensor, type Tensor } from '../../../src/core/scheduler/tensor.ts';

export const SHAPE = [4, 3, 8, 8];
const N = 768;

type Kind = 'float32' | 'float64';
const make = (kind: Kind, fill: (i: number) => number): Tensor => {
  const data = kind === 'float32' ? new Float32Array(N) : new Float64Array(N);
  for (let i = 0; i < N; i++) data[i] = fill(i);
  return tensor(data, SHAPE);
};
const batch = (i: number) => Math.floor(i / 192);

export const goldenSample = (kind: Kind = 'float64') => make(kind, (i) => (((37 * i + 11) % 101) / 50 - 1) * (0.5 * (batch(i) + 1)));
export const goldenModelOutput = (kind: Kind = 'float64') => make(kind, (i) => (((53 * i + 7) % 97) / 48 - 1) * (0.5 * (batch(i) + 1)));
export const goldenNoise = (k: number, kind: Kind = 'float64') => make(kind, (i) => ((29 * i + 3 + 17 * k) % 89) / 44 - 1);

/** diffusers `dummy_sample_deter`: element [b,c,h,w] = (4·((c·8+h)·8+w) + b)/768. */
export const dummySampleDeter = (kind: Kind = 'float32') => make(kind, (i) => (4 * (i % 192) + batch(i)) / 768);
/** diffusers `dummy_noise_deter`: (767 − (4·((c·8+h)·8+w) + b))/768. */
export const dummyNoiseDeter = (kind: Kind = 'float32') => make(kind, (i) => (767 - (4 * (i % 192) + batch(i))) / 768);

/** diffusers `dummy_model(x, t) = x·t/(t + 1)`, evaluated left to right in the tensor's precision. */
export function dummyModel(x: Tensor, t: number): Tensor {
  const r = x.data instanceof Float32Array ? Math.fround : (v: number) => v;
  const data = x.data instanceof Float32Array ? new Float32Array(x.data.length) : new Float64Array(x.data.length);
  for (let i = 0; i < data.length; i++) data[i] = r(r(x.data[i] * t) / (t + 1));
  return { data, shape: [...x.shape] };
}

export function sumAbs(x: Tensor): number {
  let s = 0;
  for (const v of x.data) s += Math.abs(v);
  return s;
}
