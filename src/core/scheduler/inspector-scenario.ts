/**
 * The worked example behind the step inspector: four 2D points x_0 on a circle of radius 1.4 (so
 * clipping to [−1, 1] has something to do), noised to x_t at the ᾱ that step() reads for t, and a
 * model whose output is the exact target (ε, x_0 or v) plus `modelError` times a fixed direction.
 * One DDIM step is then taken by the real scheduler, and every intermediate is returned.
 */
import { mulberry32, randn } from '../rng.ts';
import type { BetaScheduleName } from '../schedule/betas.ts';
import type { PredictionType } from './config.ts';
import { DDIMScheduler } from './ddim.ts';
import type { DdimStepTrace } from './ddim-step.ts';
import { SchedulerInputError } from './errors.ts';
import { addNoiseCore, velocityCore } from './noise.ts';
import type { Precision } from './scalar.ts';
import { tensor, type Tensor } from './tensor.ts';
import type { TimestepSpacing } from './timesteps.ts';
import { float64Ops } from './typed-ops.ts';

export interface InspectorSettings {
  betaSchedule: BetaScheduleName;
  rescaleBetasZeroSnr: boolean;
  predictionType: PredictionType;
  timestepSpacing: TimestepSpacing;
  numInferenceSteps: number;
  /** Index into the schedule (0 = first step). */
  stepIndex: number;
  eta: number;
  clipSample: boolean;
  useClippedModelOutput: boolean;
  setAlphaToOne: boolean;
  thresholding: boolean;
  sampleMaxValue: number;
  modelError: number;
  strict: boolean;
  schedulePrecision: Precision;
}

export interface InspectorResult {
  scheduler: DDIMScheduler;
  t: number;
  x0: Tensor<Float64Array>;
  sample: Tensor<Float64Array>;
  modelOutput: Tensor<Float64Array>;
  trace: DdimStepTrace<Tensor<Float64Array>>;
  maxEta: number;
  /** 1/√ᾱ_t: how much an error in ε is amplified in x̂_0 (ε-prediction: × √(1 − ᾱ_t)/√ᾱ_t). */
  errorGain: number;
}

export type InspectorOutcome = { ok: true; result: InspectorResult } | { ok: false; error: SchedulerInputError; scheduler: DDIMScheduler | null };

/** β range per schedule: DDPM's for linear, Stable Diffusion's for scaled_linear. */
const BETA_RANGE: Record<BetaScheduleName, [number, number]> = { linear: [0.0001, 0.02], scaled_linear: [0.00085, 0.012], squaredcos_cap_v2: [0.0001, 0.02] };

const ANGLES = [20, 110, 200, 290];
const x0Data = Float64Array.from(ANGLES.flatMap((deg) => [1.4 * Math.cos((deg * Math.PI) / 180), 1.4 * Math.sin((deg * Math.PI) / 180)]));
const epsData = randn(mulberry32(7), 8);
const errorDirection = randn(mulberry32(11), 8);
const noiseData = randn(mulberry32(13), 8);

export function inspectStep(o: InspectorSettings): InspectorOutcome {
  let scheduler: DDIMScheduler | null = null;
  try {
    const [betaStart, betaEnd] = BETA_RANGE[o.betaSchedule];
    scheduler = new DDIMScheduler({
      betaSchedule: o.betaSchedule,
      betaStart,
      betaEnd,
      rescaleBetasZeroSnr: o.rescaleBetasZeroSnr,
      predictionType: o.predictionType,
      timestepSpacing: o.timestepSpacing,
      clipSample: o.clipSample,
      setAlphaToOne: o.setAlphaToOne,
      thresholding: o.thresholding,
      sampleMaxValue: o.sampleMaxValue,
      strict: o.strict,
      schedulePrecision: o.schedulePrecision,
    });
    scheduler.setTimesteps(o.numInferenceSteps);
    const last = scheduler.timesteps.length - 1;
    if (o.stepIndex > last) throw new SchedulerInputError('stepIndex', `a whole number from 0 to ${last} for this schedule`, o.stepIndex);
    const t = scheduler.timesteps[o.stepIndex];
    const alpha = scheduler.alphaProd(t);
    const x0 = tensor(Float64Array.from(x0Data), [4, 2]);
    const eps = tensor(Float64Array.from(epsData), [4, 2]);
    const sample = addNoiseCore(float64Ops, [alpha], x0, eps);
    const target = o.predictionType === 'epsilon' ? eps : o.predictionType === 'sample' ? x0 : velocityCore(float64Ops, [alpha], x0, eps);
    const modelOutput = tensor(target.data.map((v, i) => v + o.modelError * errorDirection[i]), [4, 2]);
    const trace = scheduler.stepTrace(modelOutput, t, sample, {
      eta: o.eta,
      useClippedModelOutput: o.useClippedModelOutput,
      varianceNoise: tensor(Float64Array.from(noiseData), [4, 2]),
    });
    return { ok: true, result: { scheduler, t, x0, sample, modelOutput, trace, maxEta: scheduler.maxEta(t), errorGain: 1 / Math.sqrt(alpha) } };
  } catch (error) {
    if (error instanceof SchedulerInputError) return { ok: false, error, scheduler };
    throw error;
  }
}
