/**
 * Spherical linear interpolation between two latents, as the DDIM paper interpolates x_T (§5.3 and
 * Appendix D.5, after White 2016): x(λ) = sin((1 − λ)θ)/sin θ · a + sin(λθ)/sin θ · b with
 * θ = arccos(aᵀb / (‖a‖‖b‖)). Falls back to the linear interpolation when a and b are (anti)parallel.
 */

export function slerp(a: ArrayLike<number>, b: ArrayLike<number>, lambda: number): Float64Array {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  const cos = Math.max(-1, Math.min(1, dot / Math.sqrt(na * nb)));
  const theta = Math.acos(cos);
  const s = Math.sin(theta);
  const out = new Float64Array(a.length);
  if (!(s > 1e-12)) return lerp(a, b, lambda);
  const wa = Math.sin((1 - lambda) * theta) / s;
  const wb = Math.sin(lambda * theta) / s;
  for (let i = 0; i < a.length; i++) out[i] = wa * a[i] + wb * b[i];
  return out;
}

export function lerp(a: ArrayLike<number>, b: ArrayLike<number>, lambda: number): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = (1 - lambda) * a[i] + lambda * b[i];
  return out;
}
