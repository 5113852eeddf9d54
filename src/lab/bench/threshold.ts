/**
 * The stated quality bar for a trained MLP: sliced W₂ (src/core/metrics/sliced-wasserstein.ts) of
 * 2,000 samples drawn with 50 DDIM steps (η = 0) against the known density. On two moons, pure
 * Gaussian noise scores about 0.6, the exact denoiser with the same sampler about 0.036 and a fresh
 * data sample about 0.03; 0.08 means "visibly the two moons, a little blurred".
 */
export const SW2_THRESHOLD = 0.08;
