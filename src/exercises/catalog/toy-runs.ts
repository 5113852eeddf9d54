/**
 * Small float64 experiments the exercises run in the page ("predict, then run", "show it
 * numerically"). They only compose src/core: the lab's reference sampler (the diffusers scheduler
 * port driven by the exact mixture ε*), the scheduler's exact inverse step, the q_σ family of
 * src/core/ddim, the schedules, the mixture's exact log-density.
 */
import { betaSchedule, type BetaScheduleName } from '../../core/schedule/betas.ts';
import { alphasFromBetas } from '../../core/schedule/alphas.ts';
import { sigmaEta } from '../../core/ddim/sigma.ts';
import { familySample } from '../../core/ddim/family.ts';
import { mixtureFromCentres, mixtureLogDensity, sampleMixture, type Mixture2D } from '../../core/data/mixture.ts';
import { mixtureEpsilon } from '../../core/denoise/mixture-eps.ts';
import { referenceSample } from '../../core/sampling/reference-sampler.ts';
import { labSchedulerConfig } from '../../core/sampling/lab-config.ts';
import { DDIMScheduler } from '../../core/scheduler/ddim.ts';
import { tensor, type Tensor } from '../../core/scheduler/tensor.ts';
import { mulberry32, randn } from '../../core/rng.ts';
import { meanVariance } from '../../core/stats.ts';

const alphaCache = new Map<string, Float64Array>();

/** DDIM's α_0 … α_T for a named schedule (T = 1000), cached. */
export function scheduleAlphas(name: BetaScheduleName = 'linear', T = 1000): Float64Array {
  const key = `${name}/${T}`;
  if (!alphaCache.has(key)) alphaCache.set(key, alphasFromBetas(betaSchedule(name, { numTrainTimesteps: T })));
  return alphaCache.get(key)!;
}

/** Two bumps on the x-axis: the toy data of the exercises' sampling runs. */
export const TOY_MIXTURE: Mixture2D = mixtureFromCentres(
  [
    [-0.6, 0],
    [0.7, 0],
  ],
  0.12,
);

export interface SampleOptions {
  S: number;
  eta: number;
  n: number;
  /** Seed of x_T. */
  seed: number;
  /** Seed of the fresh noise z added when η > 0. */
  noiseSeed: number;
  mixture?: Mixture2D;
  /** "sigmaHat": DDPM's larger variance σ̂ (Table 1's last row; `eta` is then ignored). Default "eta". */
  variance?: 'eta' | 'sigmaHat';
}

/** The lab's reference sampler (DDIMScheduler + exact ε*) from x_T drawn with `seed`: the final x_0, [n × 2]. */
export function sampleToy({ S, eta, n, seed, noiseSeed, mixture = TOY_MIXTURE, variance = 'eta' }: SampleOptions): Float64Array {
  const xT = randn(mulberry32(seed), 2 * n);
  return referenceSample({ mixture, numInferenceSteps: S, eta, variance, xT, noiseAt: (i) => randn(mulberry32(noiseSeed * 7919 + i), 2 * n) });
}

/** Mean log p_data(x) of row-major points under the mixture: the Table 1 analogue's score. */
export function meanLogLikelihood(points: ArrayLike<number>, mixture: Mixture2D = TOY_MIXTURE): number {
  const lp = mixtureLogDensity(mixture, points);
  return lp.reduce((s, v) => s + v, 0) / lp.length;
}

export interface Reconstruction {
  /** Mean squared error per coordinate between x_0 and decode(encode(x_0)), as in the paper's Table 2. */
  mse: number;
  /** Largest |x − step(invertStep(x))| over the encoding's steps, each undone with its own ε: rounding only. */
  stepRoundTrip: number;
}

/**
 * DDIM inversion, then decoding (the Table 2 analogue; the experiments chapter's widget in float64).
 * n data points are encoded by running the η = 0 step up the leading schedule, τ_i → τ_{i+1}, with
 * ε* evaluated at the current point x_{τ_i} (DDIMScheduler.invertStep, the exact inverse of a step
 * with that ε), then decoded by the reference sampler with the same S.
 */
export function reconstruction({ S, n, seed, mixture = TOY_MIXTURE }: { S: number; n: number; seed: number; mixture?: Mixture2D }): Reconstruction {
  const x0 = sampleMixture(mixture, mulberry32(seed), n);
  const scheduler = new DDIMScheduler({ ...labSchedulerConfig('linear', 'epsilon'), schedulePrecision: 'float64' });
  scheduler.setTimesteps(S);
  const up = [...scheduler.timesteps].reverse();
  let x: Tensor<Float64Array> = tensor(Float64Array.from(x0), [n, 2]);
  let stepRoundTrip = 0;
  for (let i = 0; i + 1 < up.length; i++) {
    const eps = tensor(mixtureEpsilon(mixture, x.data, scheduler.alphaProd(up[i])), [n, 2]);
    const next = scheduler.invertStep(eps, up[i + 1], x);
    stepRoundTrip = Math.max(stepRoundTrip, maxAbsDiff(scheduler.step(eps, up[i + 1], next, { eta: 0 }).prevSample.data, x.data));
    x = next;
  }
  const back = referenceSample({ mixture, numInferenceSteps: S, eta: 0, xT: x.data });
  let se = 0;
  for (let i = 0; i < x0.length; i++) se += (back[i] - x0[i]) ** 2;
  return { mse: se / x0.length, stepRoundTrip };
}

/**
 * The same sampler with the source notes' noise term σ_t² z in place of σ_t z (their eq. 5): the
 * scheduler adds σ_t · (noise), so feeding it σ_t z as the noise gives σ_t² z. For the erratum exercise.
 */
export function sampleToyNotes({ S, eta, n, seed, noiseSeed, mixture = TOY_MIXTURE }: SampleOptions): Float64Array {
  const scheduler = new DDIMScheduler({ ...labSchedulerConfig('linear', 'epsilon'), schedulePrecision: 'float64' });
  scheduler.setTimesteps(S);
  const sigmas = scheduler.timesteps.map((t) => scheduler.coefficients(t, eta).stdDevT);
  const xT = randn(mulberry32(seed), 2 * n);
  return referenceSample({ mixture, numInferenceSteps: S, eta, xT, noiseAt: (i) => randn(mulberry32(noiseSeed * 7919 + i), 2 * n).map((z) => sigmas[i] * z) });
}

/** Standard deviation of the first coordinate of row-major [n × 2] points. */
export function xSpread(points: ArrayLike<number>): number {
  const xs = Array.from({ length: points.length / 2 }, (_, i) => points[2 * i]);
  return Math.sqrt(meanVariance(xs).variance);
}

export interface Lemma1Options {
  /** α_0 = 1, α_1, …, α_T. */
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
 * (eq. 7, src/core/ddim/family.ts) with σ_t(η), down to `stopAt`. Sample mean and variance there.
 */
export function lemma1Chain({ alphas, x0, eta, n, seed, stopAt }: Lemma1Options): { mean: number; variance: number; n: number } {
  const T = alphas.length - 1;
  const rng = mulberry32(seed);
  const x0s = new Float64Array(n).fill(x0);
  let x: Float64Array = randn(rng, n).map((e) => Math.sqrt(alphas[T]) * x0 + Math.sqrt(1 - alphas[T]) * e);
  for (let t = T; t > stopAt; t--) {
    const step = { alphaT: alphas[t], alphaPrev: alphas[t - 1], sigma: sigmaEta(eta, alphas[t], alphas[t - 1]) };
    x = familySample(x, x0s, step, randn(rng, n));
  }
  return meanVariance(x);
}

/** Largest |a_i − b_i|. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/** Mean distance between two point sets, [n × 2] row-major. */
export function meanDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length / 2; i++) sum += Math.hypot(a[2 * i] - b[2 * i], a[2 * i + 1] - b[2 * i + 1]);
  return sum / (a.length / 2);
}
