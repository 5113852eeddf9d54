/**
 * `ArrayOps` on plain tensors (src/core/scheduler/tensor.ts). Float64Array data computes in double;
 * Float32Array data rounds each result with Math.fround, which reproduces torch's float32 CPU
 * arithmetic for +, −, ×, ÷ (see scalar.ts for why rounding a double result is exact).
 * A coefficient used on float32 data is first rounded to float32, as a float32 kernel would.
 */
import { randn, type Rng } from '../rng.ts';
import type { ArrayOps, Coef } from './ops.ts';
import type { Tensor, TensorData } from './tensor.ts';
import { sameShape } from './tensor.ts';

type Round = (x: number) => number;

function make<D extends TensorData>(precision: 'float32' | 'float64'): ArrayOps<Tensor<D>> {
  const r: Round = precision === 'float32' ? Math.fround : (x) => x;
  const alloc = (n: number) => (precision === 'float32' ? new Float32Array(n) : new Float64Array(n)) as D;
  const itemSize = (a: Tensor<D>) => (a.shape[0] === 0 ? 0 : a.data.length / a.shape[0]);
  const coefAt = (c: Coef, b: number) => r(typeof c === 'number' ? c : c.length === 1 ? c[0] : c[b]);

  function zip(a: Tensor<D>, b: Tensor<D>, op: (x: number, y: number) => number): Tensor<D> {
    if (!sameShape(a.shape, b.shape)) throw new RangeError(`shapes [${a.shape}] and [${b.shape}] differ`);
    const out = alloc(a.data.length);
    for (let i = 0; i < out.length; i++) out[i] = r(op(a.data[i], b.data[i]));
    return { data: out, shape: [...a.shape] };
  }

  function perItem(a: Tensor<D>, op: (x: number, b: number) => number): Tensor<D> {
    const out = alloc(a.data.length);
    const m = itemSize(a);
    for (let i = 0; i < out.length; i++) out[i] = r(op(a.data[i], m === 0 ? 0 : Math.floor(i / m)));
    return { data: out, shape: [...a.shape] };
  }

  return {
    precision,
    shape: (a) => a.shape,
    batchSize: (a) => a.shape[0] ?? 1,
    add: (a, b) => zip(a, b, (x, y) => x + y),
    sub: (a, b) => zip(a, b, (x, y) => x - y),
    scale: (a, c) => perItem(a, (x, b) => coefAt(c, b) * x),
    divide: (a, c) => perItem(a, (x, b) => x / coefAt(c, b)),
    clamp: (a, lo, hi) => perItem(a, (x, b) => Math.min(Math.max(x, coefAt(lo, b)), coefAt(hi, b))),
    quantileAbs(a, q) {
      const m = itemSize(a);
      const batch = a.shape[0] ?? 1;
      const out: number[] = [];
      for (let b = 0; b < batch; b++) {
        const sorted = Array.from(a.data.subarray(b * m, (b + 1) * m), Math.abs).sort((x, y) => x - y);
        out.push(quantileSorted(sorted, q, r));
      }
      return out;
    },
    allFinite: (a) => a.data.every(Number.isFinite),
    normalLike(like: Tensor<D>, rng: Rng) {
      const out = alloc(like.data.length);
      out.set(randn(rng, out.length));
      return { data: out, shape: [...like.shape] };
    },
  };
}

/**
 * torch.quantile(x, q, interpolation='linear') of a sorted list, in the precision given by `r`:
 * rank = q·(n − 1); below = ⌊rank⌋, above = ⌈rank⌉, w = rank − below; then torch's `lerp`,
 * which switches formula at w = 0.5 (aten/src/ATen/native/Lerp.h). A NaN anywhere gives NaN.
 */
export function quantileSorted(sorted: readonly number[], q: number, r: Round = (x) => x): number {
  const n = sorted.length;
  if (n === 0 || sorted.some(Number.isNaN)) return NaN;
  const rank = r(r(q) * (n - 1));
  const below = Math.trunc(rank);
  const above = Math.ceil(rank);
  const w = r(rank - below);
  const lo = sorted[below];
  const hi = sorted[above];
  return Math.abs(w) < 0.5 ? r(lo + r(w * r(hi - lo))) : r(hi - r(r(hi - lo) * r(1 - w)));
}

export const float64Ops: ArrayOps<Tensor<Float64Array>> = make('float64');
export const float32Ops: ArrayOps<Tensor<Float32Array>> = make('float32');

/** The ops matching a tensor's array type. */
export function opsFor<D extends TensorData>(t: Tensor<D>): ArrayOps<Tensor<D>> {
  return (t.data instanceof Float32Array ? float32Ops : float64Ops) as unknown as ArrayOps<Tensor<D>>;
}
