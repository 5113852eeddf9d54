/**
 * The deterministic inputs of the golden files and of diffusers' scheduler tests, rebuilt in TS
 * (golden README "Inputs"). Shape [4, 3, 8, 8]; flat row-major index i, batch b = ⌊i/192⌋. diffusers'
 * own test fixtures live in src/core/scheduler/diffusers-fixtures.ts.
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

export { dummySampleDeter, dummyNoiseDeter, dummyModel, sumAbs } from '../../../src/core/scheduler/diffusers-fixtures.ts';
