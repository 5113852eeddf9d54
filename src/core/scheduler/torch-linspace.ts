/**
 * `torch.linspace(start, end, steps, dtype=torch.float32)` as PyTorch's CPU kernel computes it on an
 * AVX2 machine, bit for bit. diffusers builds its linear and scaled-linear β schedules this way.
 *
 * Reference: PyTorch 1.13, aten/src/ATen/native/cpu/RangeFactoriesKernel.cpp (`linspace_kernel`),
 * aten/src/ATen/cpu/vec/vec256/vec256_float.h (`Vectorized<float>::arange`), ATen/native/cpu/Loops.h
 * (`cpu_serial_kernel_vec`). The facts it relies on:
 * - start, end and step = (end − start)/(steps − 1) are float32;
 * - indices below steps // 2 count up from start, the others count down from end;
 * - the contiguous loop fills two 8-wide vectors per iteration. Each vector's first lane is
 *   `start + step·idx` (or `end − step·(steps − 1 − idx)`), which the compiler fuses into one
 *   fused multiply-add; lane j is then `base + j·step` with two roundings. A vector that starts below
 *   the halfway index keeps counting up even where it crosses it;
 * - the last (steps mod 16) entries go through the scalar path, one fused multiply-add each.
 *
 * Checked against the golden betas of five linear and scaled-linear configurations (T = 100 and
 * 1000): every entry is equal. A CPU with another vector width (e.g. 4-wide NEON) would give
 * betas that differ in the last bit here and there; diffusers' own tests do not notice.
 */
import { fma32 } from './scalar.ts';

const f = Math.fround;
const LANES = 8;

export function torchLinspaceFloat32(start: number, end: number, steps: number): Float32Array {
  const out = new Float32Array(steps);
  if (steps === 0) return out;
  const s = f(start);
  const e = f(end);
  if (steps === 1) {
    out[0] = s;
    return out;
  }
  const step = f(f(e - s) / (steps - 1));
  const halfway = Math.floor(steps / 2);
  const head = (idx: number) => (idx < halfway ? fma32(step, idx, s) : fma32(-step, steps - idx - 1, e));
  let i = 0;
  for (; i + 2 * LANES <= steps; i += 2 * LANES) {
    for (let v = i; v < i + 2 * LANES; v += LANES) {
      const base = head(v);
      out[v] = base;
      for (let j = 1; j < LANES; j++) out[v + j] = f(base + f(j * step));
    }
  }
  for (; i < steps; i++) out[i] = head(i);
  return out;
}
