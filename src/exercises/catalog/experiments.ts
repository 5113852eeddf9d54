/**
 * Small float64 experiments the exercises run in the page ("predict, then run", "show it
 * numerically"). They only compose src/core: the α's come from core/schedule, every step is
 * core/ddim's eq. 12 or eq. 7, the denoiser is core/denoise's exact ε* for a 1D mixture.
 */
import { betaSchedule, type BetaScheduleName } from '../../core/schedule/betas.ts';
import { alphasFromBetas } from '../../core/schedule/alphas.ts';
import { ddimSigma } from '../../core/ddim/sigma.ts';
import { ddimUpdate, qSigmaMean } from '../../core/ddim/update.ts';
import { mixtureEpsStar, type Mixture1d } from '../../core/denoise/gmm-1d.ts';
import { mulberry32, randn } from '../../core/rng.ts';
import { meanVariance } from '../../core/stats.ts';

const alphaCache = new Map<string, Float64Array>();

/** DDIM's α_0 … α_T for a named schedule (T = 1000), cached. */
export function scheduleAlphas(name: BetaScheduleName = 'linear', T = 1000): Float64Array {
  const key = `${name}/${T}`;
  if (!alphaCache.has(key)) alphaCache.set(key, alphasFromBetas(betaSchedule(name, { numTrainTimesteps: T })));
  return alphaCache.get(key)!;
}

/** The subsequence τ_1 < … < τ_S = T, evenly spaced ("linear" τ of the paper's §D.2), with τ_0 = 0. */
export function evenTau(S: number, T = 1000): number[] {
  return Array.from({ length: S + 1 }, (_, i) => Math.round((i * T) / S));
}

/** Two-bump data used by the lab runs: a mixture of N(−0.6, 0.1²) and N(0.7, 0.15²). */
export const TOY_MIXTURE: Mixture1d = { means: [-0.6, 0.7], stds: [0.1, 0.15], weights: [0.4, 0.6] };

export interface SampleOptions {
  S: number;
  eta: number;
  n: number;
  /** Seed of x_T. */
  seed: number;
  /** Seed of the fresh noise z added when η > 0. */
  noiseSeed: number;
  mixture?: Mixture1d;
  schedule?: BetaScheduleName;
}

/** Run eq. 12 along τ with the exact ε* from the same x_T: the final samples x_0. */
export function sampleMixture({ S, eta, n, seed, noiseSeed, mixture = TOY_MIXTURE, schedule = 'linear' }: SampleOptions): Float64Array {
  const alpha = scheduleAlphas(schedule);
  const tau = evenTau(S);
  const x = randn(mulberry32(seed), n);
  const noise = mulberry32(noiseSeed);
  for (let i = S; i >= 1; i--) {
    const aT = alpha[tau[i]];
    const aPrev = alpha[tau[i - 1]];
    const sigma = ddimSigma(aT, aPrev, eta);
    const z = randn(noise, n);
    for (let k = 0; k < n; k++) {
      const eps = mixtureEpsStar(x[k], aT, mixture);
      x[k] = ddimUpdate(x[k], eps, aT, aPrev, { sigma, noise: z[k] });
    }
  }
  return x;
}

export interface Lemma1Options {
  /** α_T, …, α_1 come from `alphas` (α_0 = 1 first). */
  alphas: ArrayLike<number>;
  x0: number;
  eta: number;
  n: number;
  seed: number;
  /** Stop when the chain reaches this t. */
  stopAt: number;
}

/**
 * Lemma 1's chain with the true x_0: x_T ~ N(√α_T x_0, 1 − α_T), then x_{t−1} ~ q_σ(· | x_t, x_0)
 * (eq. 7) with σ_t(η), down to `stopAt`. Returns the sample mean and variance there.
 */
export function lemma1Chain({ alphas, x0, eta, n, seed, stopAt }: Lemma1Options): { mean: number; variance: number; n: number } {
  const T = alphas.length - 1;
  const rng = mulberry32(seed);
  const x = randn(rng, n).map((e) => Math.sqrt(alphas[T]) * x0 + Math.sqrt(1 - alphas[T]) * e);
  for (let t = T; t > stopAt; t--) {
    const sigma = ddimSigma(alphas[t], alphas[t - 1], eta);
    const z = randn(rng, n);
    for (let k = 0; k < n; k++) x[k] = qSigmaMean(x0, x[k], alphas[t], alphas[t - 1], sigma) + sigma * z[k];
  }
  return meanVariance(x);
}

/** Largest |a_i − b_i|. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}
