/**
 * Scalar arithmetic in a chosen precision.
 *
 * diffusers keeps `betas` and `alphas_cumprod` as float32 tensors, so every scalar coefficient
 * `step()` derives from them (√ᾱ_t, 1 − ᾱ_t, σ_t², …) is a float32 0-dim tensor: each +, −, ×, ÷
 * and √ is rounded to float32. Rounding a double result with `Math.fround` after each operation
 * reproduces that exactly, because a double holds every float32 product, sum and quotient with
 * enough spare bits that rounding twice gives the same float32 as rounding once.
 *
 * `F32` does that; `F64` is plain double arithmetic. Code written against `ScalarMath` runs in either.
 */

export type Precision = 'float32' | 'float64';

export interface ScalarMath {
  readonly precision: Precision;
  /** Round a value into this precision (identity for float64). */
  of(x: number): number;
  add(a: number, b: number): number;
  sub(a: number, b: number): number;
  mul(a: number, b: number): number;
  div(a: number, b: number): number;
  sqrt(a: number): number;
}

const f = Math.fround;

export const F32: ScalarMath = {
  precision: 'float32',
  of: f,
  add: (a, b) => f(a + b),
  sub: (a, b) => f(a - b),
  mul: (a, b) => f(a * b),
  div: (a, b) => f(a / b),
  sqrt: (a) => f(Math.sqrt(a)),
};

export const F64: ScalarMath = {
  precision: 'float64',
  of: (x) => x,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  sqrt: Math.sqrt,
};

export function scalarMath(precision: Precision): ScalarMath {
  return precision === 'float32' ? F32 : F64;
}

/** Knuth's TwoSum: s = fl(a + b) and the exact error e, so that a + b = s + e exactly. */
function twoSum(a: number, b: number): [number, number] {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

const bits = new Float32Array(1);
const word = new Uint32Array(bits.buffer);

/** The float32 neighbour of a float32 `x` in the direction of `toward`. */
export function nextFloat32(x: number, toward: number): number {
  if (x === toward) return x;
  bits[0] = x;
  if (x === 0) word[0] = toward > 0 ? 1 : 0x80000001;
  else if (toward > x === x > 0) word[0] += 1;
  else word[0] -= 1;
  return bits[0];
}

/**
 * Fused multiply-add rounded once to float32: fl32(a·b + c) for float32 a, b, c.
 * The product of two float32 values is exact in double; the sum may not be, so the TwoSum error
 * decides the one case where rounding the double sum to float32 could go the wrong way (a double
 * sum landing exactly halfway between two float32 values).
 */
export function fma32(a: number, b: number, c: number): number {
  const [s, e] = twoSum(a * b, c);
  const r = f(s);
  if (e === 0 || r === s) return r;
  const other = nextFloat32(r, s);
  if ((r + other) / 2 !== s) return r;
  // s is a float32 midpoint; the exact value lies on the side of e.
  return e > 0 === other > r ? other : r;
}

const bits64 = new Float64Array(1);
const word64 = new BigInt64Array(bits64.buffer);

/** The largest value below a positive finite `x` in this precision (one ulp down). */
export function nextDown(S: ScalarMath, x: number): number {
  if (S.precision === 'float32') return nextFloat32(Math.fround(x), -Infinity);
  bits64[0] = x;
  word64[0] += x > 0 ? -1n : 1n;
  return bits64[0];
}
