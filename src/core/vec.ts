/**
 * Small float64 vector helpers for the closed-form math. A "vector" is any ArrayLike<number>;
 * results are fresh Float64Arrays. Lengths must agree (a RangeError names both).
 */

export type Vec = ArrayLike<number>;

function sameLength(a: Vec, b: Vec): void {
  if (a.length !== b.length) throw new RangeError(`vector lengths differ: ${a.length} vs ${b.length}`);
}

/** Σ_i c_i · v_i for terms [c_i, v_i] (all v_i of one length). */
export function combine(...terms: readonly (readonly [number, Vec])[]): Float64Array {
  if (terms.length === 0) throw new RangeError('combine() needs at least one term');
  const n = terms[0][1].length;
  const out = new Float64Array(n);
  for (const [c, v] of terms) {
    sameLength(v, terms[0][1]);
    for (let i = 0; i < n; i++) out[i] += c * v[i];
  }
  return out;
}

/** c · v */
export function scale(c: number, v: Vec): Float64Array {
  return combine([c, v]);
}

/** Elementwise product a ⊙ b. */
export function hadamard(a: Vec, b: Vec): Float64Array {
  sameLength(a, b);
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] * b[i];
  return out;
}

/** Apply `f` to every element. */
export function mapVec(v: Vec, f: (x: number, i: number) => number): Float64Array {
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = f(v[i], i);
  return out;
}

/** Largest absolute element, ‖v‖∞. */
export function maxAbs(v: Vec): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) {
    const a = Math.abs(v[i]);
    if (a > m || Number.isNaN(a)) m = a;
  }
  return m;
}
