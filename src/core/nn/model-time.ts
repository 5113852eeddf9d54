/**
 * A trained ε-model knows its timesteps only through its training schedule. To use it with another
 * schedule, each sampling step is given the (fractional) training timestep with the same noise
 * level: the u with ᾱ_train(u) = ᾱ_sampler(t), interpolating log ᾱ linearly between integer steps.
 * When the two schedules agree, u = t exactly.
 */

/**
 * The fractional index u ∈ [0, T − 1] into `trainAlphasCumprod` (diffusers' 0-based `alphas_cumprod`,
 * decreasing) with the same ᾱ as `alphaBar`. Noise levels outside the training range clamp to its ends.
 */
export function matchTrainingTimestep(alphaBar: number, trainAlphasCumprod: ArrayLike<number>): number {
  const n = trainAlphasCumprod.length;
  if (!(alphaBar > 0)) return n - 1;
  if (alphaBar >= trainAlphasCumprod[0]) return 0;
  if (alphaBar <= trainAlphasCumprod[n - 1]) return n - 1;
  let lo = 0;
  let hi = n - 1; // invariant: a[lo] > alphaBar ≥ a[hi]
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (trainAlphasCumprod[mid] > alphaBar) lo = mid;
    else hi = mid;
  }
  const la = Math.log(trainAlphasCumprod[lo]);
  const lb = Math.log(trainAlphasCumprod[hi]);
  return lo + (la - Math.log(alphaBar)) / (la - lb);
}
