/**
 * One DDIM step, written once against `ArrayOps` so the same lines run on typed arrays and on tfjs tensors.
 *
 * References: Song, Meng & Ermon (2021), eq. 12 (the update), eq. 16 (σ_t(η)), eq. 9 (x̂_0);
 * diffusers 58eb52c `scheduling_ddim.py`, `DDIMScheduler.step()` (numbered steps 1–7 below) and
 * `_get_variance`. Salimans & Ho (2022) for v-prediction; Saharia et al. (2022) for thresholding.
 *
 * Notation (code → paper; the paper's α_t is DDPM's ᾱ_t = `alphas_cumprod[t]`):
 *   alphaProdT = α_t         alphaProdTPrev = α_{t−Δ}, or the final ᾱ when t − Δ < 0
 *   betaProdT  = 1 − α_t     variance = σ_t(1)², stdDevT = σ_t(η) = η·σ_t(1)
 *   modelOutput = ε_θ(x_t) | x̂_0 | v      predOriginalSample = x̂_0 = f_θ(x_t)
 *   predEpsilon = ε used in the direction term      direction = √(1 − α_{t−Δ} − σ_t²)·ε
 *
 * Scalars go through `ScalarMath` (float32 like diffusers by default), arrays through `ArrayOps`,
 * each operation in diffusers' order so that float32 results agree bit for bit.
 */
import type { ArrayOps } from './ops.ts';
import type { ScalarMath } from './scalar.ts';
import { thresholdSample } from './threshold.ts';

/** The scalars of one step (all in the schedule's precision). */
export interface DdimCoefficients {
  timestep: number;
  prevTimestep: number;
  alphaProdT: number;
  alphaProdTPrev: number;
  betaProdT: number;
  /** σ_t(η = 1)² = (1 − α_prev)/(1 − α_t) · (1 − α_t/α_prev). */
  variance: number;
  /** σ_t = η·√variance. */
  stdDevT: number;
  /** 1 − α_prev − σ_t², the squared coefficient of the direction term; negative means NaN. */
  directionCoeffSquared: number;
}

/** σ_t(1)² of eq. 16 (diffusers `_get_variance`). */
export function ddimVariance(S: ScalarMath, alphaProdT: number, alphaProdTPrev: number): number {
  const betaProdT = S.sub(1, alphaProdT);
  const betaProdTPrev = S.sub(1, alphaProdTPrev);
  return S.mul(S.div(betaProdTPrev, betaProdT), S.sub(1, S.div(alphaProdT, alphaProdTPrev)));
}

/** Steps 2 and 5 of diffusers' step(): the scalars, from ᾱ at t and at prev. */
export function ddimCoefficients(
  S: ScalarMath,
  timestep: number,
  prevTimestep: number,
  alphaProdT: number,
  alphaProdTPrev: number,
  eta: number,
): DdimCoefficients {
  const betaProdT = S.sub(1, alphaProdT);
  const variance = ddimVariance(S, alphaProdT, alphaProdTPrev);
  const stdDevT = S.mul(S.of(eta), S.sqrt(variance));
  const directionCoeffSquared = S.sub(S.sub(1, alphaProdTPrev), S.mul(stdDevT, stdDevT));
  return { timestep, prevTimestep, alphaProdT, alphaProdTPrev, betaProdT, variance, stdDevT, directionCoeffSquared };
}

export interface DdimStepSettings<A> {
  predictionType: string;
  thresholding: boolean;
  clipSample: boolean;
  clipSampleRange: number;
  dynamicThresholdingRatio: number;
  sampleMaxValue: number;
  /** Re-derive ε from the clipped x̂_0 (diffusers `use_clipped_model_output`). */
  useClippedModelOutput: boolean;
  /** η; noise is added only when η > 0, as in diffusers. */
  eta: number;
  /** z ~ N(0, I), required when η > 0. */
  varianceNoise?: A;
}

/** Every intermediate of one step, for the inspector and the walkthrough. */
export interface DdimStepTrace<A> {
  coefficients: DdimCoefficients;
  /** x̂_0 before clipping or thresholding. */
  unclippedOriginalSample: A;
  predOriginalSample: A;
  predEpsilon: A;
  /** √α_prev · x̂_0. */
  meanTerm: A;
  /** √(1 − α_prev − σ_t²) · ε. */
  direction: A;
  /** σ_t · z, or null when η = 0. */
  noiseTerm: A | null;
  prevSample: A;
}

/** diffusers' `DDIMScheduler.step()` steps 3–7, given the scalars of steps 1, 2 and 5. */
export function ddimStepCore<A>(ops: ArrayOps<A>, S: ScalarMath, c: DdimCoefficients, modelOutput: A, sample: A, o: DdimStepSettings<A>): DdimStepTrace<A> {
  const sqrtAlphaProdT = S.sqrt(c.alphaProdT);
  const sqrtBetaProdT = S.sqrt(c.betaProdT);

  // 3. x̂_0 and ε from the model output (eq. 9; for v: x̂_0 = √α x − √(1−α) v, ε = √α v + √(1−α) x).
  let predOriginalSample: A;
  let predEpsilon: A;
  if (o.predictionType === 'epsilon') {
    predOriginalSample = ops.divide(ops.sub(sample, ops.scale(modelOutput, sqrtBetaProdT)), sqrtAlphaProdT);
    predEpsilon = modelOutput;
  } else if (o.predictionType === 'sample') {
    predOriginalSample = modelOutput;
    predEpsilon = ops.divide(ops.sub(sample, ops.scale(predOriginalSample, sqrtAlphaProdT)), sqrtBetaProdT);
  } else if (o.predictionType === 'v_prediction') {
    predOriginalSample = ops.sub(ops.scale(sample, sqrtAlphaProdT), ops.scale(modelOutput, sqrtBetaProdT));
    predEpsilon = ops.add(ops.scale(modelOutput, sqrtAlphaProdT), ops.scale(sample, sqrtBetaProdT));
  } else {
    throw new RangeError(`predictionType must be one of "epsilon", "sample", "v_prediction"; got "${o.predictionType}".`);
  }
  const unclippedOriginalSample = predOriginalSample;

  // 4. Threshold or clip x̂_0. ε is NOT updated here: unless useClippedModelOutput is set, the
  //    direction term below still uses the ε that went with the unclipped x̂_0.
  if (o.thresholding) {
    predOriginalSample = thresholdSample(ops, predOriginalSample, o.dynamicThresholdingRatio, o.sampleMaxValue);
  } else if (o.clipSample) {
    predOriginalSample = ops.clamp(predOriginalSample, -o.clipSampleRange, o.clipSampleRange);
  }

  // 5. σ_t(η) = η·√((1 − α_prev)/(1 − α_t)·(1 − α_t/α_prev)) (eq. 16): already in `c`.
  if (o.useClippedModelOutput) {
    // ε re-derived from the clipped x̂_0, as in GLIDE.
    predEpsilon = ops.divide(ops.sub(sample, ops.scale(predOriginalSample, sqrtAlphaProdT)), sqrtBetaProdT);
  }

  // 6. "Direction pointing to x_t" of eq. 12: √(1 − α_prev − σ_t²)·ε.
  const direction = ops.scale(predEpsilon, S.sqrt(c.directionCoeffSquared));

  // 7. x_{t−Δ} = √α_prev·x̂_0 + direction (+ σ_t·z when η > 0), eq. 12.
  const meanTerm = ops.scale(predOriginalSample, S.sqrt(c.alphaProdTPrev));
  let prevSample = ops.add(meanTerm, direction);
  let noiseTerm: A | null = null;
  if (o.eta > 0) {
    if (o.varianceNoise === undefined) throw new RangeError('varianceNoise is required when eta > 0');
    noiseTerm = ops.scale(o.varianceNoise, c.stdDevT);
    prevSample = ops.add(prevSample, noiseTerm);
  }
  return { coefficients: c, unclippedOriginalSample, predOriginalSample, predEpsilon, meanTerm, direction, noiseTerm, prevSample };
}
