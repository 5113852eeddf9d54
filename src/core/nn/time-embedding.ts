/**
 * Sinusoidal embedding of a (possibly fractional) timestep, as in DDPM's U-Net (Ho et al. 2020,
 * Appendix B, after Vaswani et al. 2017 §3.5): half the coordinates are sin(t·f_j), half cos(t·f_j),
 * with frequencies f_j = 10000^(−j / (d/2 − 1)), j = 0 … d/2 − 1 (diffusers `get_timestep_embedding`
 * with flip_sin_to_cos = false and downscale_freq_shift = 1).
 */

/** The embedding of each timestep in `ts`, row-major [ts.length × dim], float64. */
export function timeEmbedding(ts: ArrayLike<number>, dim = 16): Float64Array {
  if (dim < 4 || dim % 2 !== 0) throw new RangeError(`embedding dim must be an even number ≥ 4, got ${dim}`);
  const half = dim / 2;
  const freqs = new Float64Array(half);
  for (let j = 0; j < half; j++) freqs[j] = Math.exp((-Math.log(10000) * j) / (half - 1));
  const out = new Float64Array(ts.length * dim);
  for (let i = 0; i < ts.length; i++) {
    for (let j = 0; j < half; j++) {
      out[i * dim + j] = Math.sin(ts[i] * freqs[j]);
      out[i * dim + half + j] = Math.cos(ts[i] * freqs[j]);
    }
  }
  return out;
}
