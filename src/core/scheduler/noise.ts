/**
 * The forward process and the v target, written once against `ArrayOps`.
 *
 * References: DDPM eq. 4 / DDIM eq. 4, x_t = √ᾱ_t·x_0 + √(1 − ᾱ_t)·ε; Salimans & Ho (2022), §4,
 * v = √ᾱ_t·ε − √(1 − ᾱ_t)·x_0. diffusers `add_noise` / `get_velocity` (in scheduling_ddpm.py,
 * copied into scheduling_ddim.py) convert `alphas_cumprod` to the tensors' dtype before taking square
 * roots, so unlike step() these coefficients are computed in the tensors' precision.
 */
import type { ArrayOps } from './ops.ts';
import { scalarMath } from './scalar.ts';

/** √ᾱ and √(1 − ᾱ) per batch entry, in the arrays' precision. */
export function noiseCoefficients(precision: 'float32' | 'float64', alphaProds: readonly number[]): { sqrtAlphaProd: number[]; sqrtOneMinusAlphaProd: number[] } {
  const R = scalarMath(precision);
  return {
    sqrtAlphaProd: alphaProds.map((a) => R.sqrt(R.of(a))),
    sqrtOneMinusAlphaProd: alphaProds.map((a) => R.sqrt(R.sub(1, R.of(a)))),
  };
}

/** x_t = √ᾱ·x_0 + √(1 − ᾱ)·ε, with ᾱ per batch item (or one for all). */
export function addNoiseCore<A>(ops: ArrayOps<A>, alphaProds: readonly number[], original: A, noise: A): A {
  const { sqrtAlphaProd, sqrtOneMinusAlphaProd } = noiseCoefficients(ops.precision, alphaProds);
  return ops.add(ops.scale(original, sqrtAlphaProd), ops.scale(noise, sqrtOneMinusAlphaProd));
}

/** v = √ᾱ·ε − √(1 − ᾱ)·x_0, with ᾱ per batch item (or one for all). */
export function velocityCore<A>(ops: ArrayOps<A>, alphaProds: readonly number[], sample: A, noise: A): A {
  const { sqrtAlphaProd, sqrtOneMinusAlphaProd } = noiseCoefficients(ops.precision, alphaProds);
  return ops.sub(ops.scale(noise, sqrtAlphaProd), ops.scale(sample, sqrtOneMinusAlphaProd));
}
