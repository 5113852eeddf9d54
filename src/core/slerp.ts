/**
 * Spherical linear interpolation between two noise vectors, as used for DDIM's latent
 * interpolation (Song, Meng & Ermon 2021, §5.3 and Appendix D.5; Shoemake 1985):
 * slerp(x, y; λ) = sin((1 − λ)θ)/sin θ · x + sin(λθ)/sin θ · y, with θ = arccos(x·y / (|x||y|)).
 */

/** Angle between two vectors, in radians. */
export function angleBetween(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length !== y.length) throw new RangeError(`x and y lengths differ: ${x.length} vs ${y.length}`);
  let dot = 0;
  let nx = 0;
  let ny = 0;
  for (let i = 0; i < x.length; i++) {
    dot += x[i] * y[i];
    nx += x[i] * x[i];
    ny += y[i] * y[i];
  }
  if (nx === 0 || ny === 0) throw new RangeError('slerp needs two non-zero vectors');
  return Math.acos(Math.min(1, Math.max(-1, dot / Math.sqrt(nx * ny))));
}

/** slerp(x, y; λ). Falls back to linear interpolation when the vectors are (nearly) parallel. */
export function slerp(x: ArrayLike<number>, y: ArrayLike<number>, lambda: number): Float64Array {
  const theta = angleBetween(x, y);
  const out = new Float64Array(x.length);
  const s = Math.sin(theta);
  const [a, b] = s < 1e-12 ? [1 - lambda, lambda] : [Math.sin((1 - lambda) * theta) / s, Math.sin(lambda * theta) / s];
  for (let i = 0; i < x.length; i++) out[i] = a * x[i] + b * y[i];
  return out;
}
