/**
 * One DDPM ancestral step, written once against `ArrayOps`.
 *
 * References: Ho, Jain & Abbeel (2020), eq. 6–7 (posterior q(x_{t−1} | x_t, x_0) with mean μ̃ and
 * variance β̃) and eq. 15 (x̂_0 from ε); diffusers 58eb52c `scheduling_ddpm.py`, `DDPMScheduler.step()`
 * (steps 1–6 below) and `_get_variance`. With a schedule of N < T steps the "one step" goes from t to
 * the previous schedule entry t′, so β_t becomes 1 − ᾱ_t/ᾱ_{t′} (diffusers `current_beta_t`).
 *
 * Notation: alphaProdT = ᾱ_t, alphaProdTPrev = ᾱ_{t′} (1 after the last step),
 * currentAlphaT = ᾱ_t/ᾱ_{t′}, currentBetaT = 1 − currentAlphaT.
 */
import type { ArrayOps } from './ops.ts';
import type { ScalarMath } from './scalar.ts';
import { thresholdSample } from './threshold.ts';

export interface DdpmCoefficients {
  timestep: number;
  prevTimestep: number;
  alphaProdT: number;
  alphaProdTPrev: number;
  betaProdT: number;
  betaProdTPrev: number;
  currentAlphaT: number;
  currentBetaT: number;
  /** Coefficient of x̂_0 in μ̃: √ᾱ_{t′}·β_t/(1 − ᾱ_t). */
  predOriginalSampleCoeff: number;
  /** Coefficient of x_t in μ̃: √α_t·(1 − ᾱ_{t′})/(1 − ᾱ_t). */
  currentSampleCoeff: number;
}

export function ddpmCoefficients(S: ScalarMath, timestep: number, prevTimestep: number, alphaProdT: number, alphaProdTPrev: number): DdpmCoefficients {
  // 1. ᾱ, β at t and t′.
  const betaProdT = S.sub(1, alphaProdT);
  const betaProdTPrev = S.sub(1, alphaProdTPrev);
  const currentAlphaT = S.div(alphaProdT, alphaProdTPrev);
  const currentBetaT = S.sub(1, currentAlphaT);
  // 4. Coefficients of the posterior mean μ̃_t(x_t, x̂_0) (eq. 7).
  const predOriginalSampleCoeff = S.div(S.mul(S.sqrt(alphaProdTPrev), currentBetaT), betaProdT);
  const currentSampleCoeff = S.div(S.mul(S.sqrt(currentAlphaT), betaProdTPrev), betaProdT);
  return { timestep, prevTimestep, alphaProdT, alphaProdTPrev, betaProdT, betaProdTPrev, currentAlphaT, currentBetaT, predOriginalSampleCoeff, currentSampleCoeff };
}

/**
 * The variance of the step (diffusers `_get_variance`): β̃ = (1 − ᾱ_{t′})/(1 − ᾱ_t)·β_t clamped to
 * ≥ 1e-20, then by varianceType: fixed_small → β̃, fixed_small_log → exp(½·log β̃) (a standard
 * deviation, not a variance, exactly as diffusers returns it), fixed_large → β_t. Unknown names
 * fall through to β̃, as in diffusers.
 */
export function ddpmVariance(S: ScalarMath, c: DdpmCoefficients, varianceType: string): number {
  const posterior = S.mul(S.div(S.sub(1, c.alphaProdTPrev), S.sub(1, c.alphaProdT)), c.currentBetaT);
  const clamped = Math.max(posterior, S.of(1e-20));
  if (varianceType === 'fixed_small_log') return S.of(Math.exp(S.mul(0.5, S.of(Math.log(clamped)))));
  if (varianceType === 'fixed_large') return c.currentBetaT;
  return clamped;
}

/** The standard deviation step 6 multiplies the noise by. */
export function ddpmStd(S: ScalarMath, c: DdpmCoefficients, varianceType: string): number {
  const v = ddpmVariance(S, c, varianceType);
  return varianceType === 'fixed_small_log' ? v : S.sqrt(v);
}

export interface DdpmStepSettings<A> {
  predictionType: string;
  thresholding: boolean;
  clipSample: boolean;
  clipSampleRange: number;
  dynamicThresholdingRatio: number;
  sampleMaxValue: number;
  varianceType: string;
  /** z ~ N(0, I); required when t > 0. */
  varianceNoise?: A;
}

export interface DdpmStepTrace<A> {
  coefficients: DdpmCoefficients;
  predOriginalSample: A;
  /** μ̃_t(x_t, x̂_0). */
  mean: A;
  /** std · z, or null at t = 0. */
  noiseTerm: A | null;
  prevSample: A;
}

export function ddpmStepCore<A>(ops: ArrayOps<A>, S: ScalarMath, c: DdpmCoefficients, modelOutput: A, sample: A, o: DdpmStepSettings<A>): DdpmStepTrace<A> {
  const sqrtAlphaProdT = S.sqrt(c.alphaProdT);
  const sqrtBetaProdT = S.sqrt(c.betaProdT);
  // 2. x̂_0 from the model output (eq. 15 for ε).
  let predOriginalSample: A;
  if (o.predictionType === 'epsilon') {
    predOriginalSample = ops.divide(ops.sub(sample, ops.scale(modelOutput, sqrtBetaProdT)), sqrtAlphaProdT);
  } else if (o.predictionType === 'sample') {
    predOriginalSample = modelOutput;
  } else if (o.predictionType === 'v_prediction') {
    predOriginalSample = ops.sub(ops.scale(sample, sqrtAlphaProdT), ops.scale(modelOutput, sqrtBetaProdT));
  } else {
    throw new RangeError(`predictionType must be one of "epsilon", "sample", "v_prediction"; got "${o.predictionType}".`);
  }
  // 3. Threshold or clip x̂_0.
  if (o.thresholding) {
    predOriginalSample = thresholdSample(ops, predOriginalSample, o.dynamicThresholdingRatio, o.sampleMaxValue);
  } else if (o.clipSample) {
    predOriginalSample = ops.clamp(predOriginalSample, -o.clipSampleRange, o.clipSampleRange);
  }
  // 5. μ̃ = coeff₀·x̂_0 + coeffₜ·x_t (eq. 7).
  const mean = ops.add(ops.scale(predOriginalSample, c.predOriginalSampleCoeff), ops.scale(sample, c.currentSampleCoeff));
  // 6. Add noise for t > 0 only.
  let noiseTerm: A | null = null;
  let prevSample = mean;
  if (c.timestep > 0) {
    if (o.varianceNoise === undefined) throw new RangeError('varianceNoise is required when timestep > 0');
    noiseTerm = ops.scale(o.varianceNoise, ddpmStd(S, c, o.varianceType));
    prevSample = ops.add(mean, noiseTerm);
  }
  return { coefficients: c, predOriginalSample, mean, noiseTerm, prevSample };
}
