/**
 * Sampling plans built from the project's diffusers port (src/core/scheduler/):
 * - `buildPlan`: DDIMScheduler.setTimesteps(S) and its step() with η (diffusers semantics, quirks
 *   included: prev = t − T // S whatever the spacing). The σ̂ variant of the paper (Song et al. 2021,
 *   §5.1: σ̂_τi = √(1 − α_τi/α_τi−1), the DDPM implementation of Ho et al.) is DDPMScheduler with
 *   variance_type "fixed_large" on the same timesteps: posterior mean, variance β_t = 1 − ᾱ_t/ᾱ_prev.
 * - `buildPlanAlong`: the generalised step along an arbitrary descending τ with an explicit previous
 *   timestep — the same `ddimCoefficients` + `ddimStepCore` that DDIMScheduler.step() runs.
 * Steps run through the tfjs adapter (src/lab/scheduler.ts, src/lab/scheduler-ops.ts); the generalised
 * step calls `ddimStepCore` with the adapter's `tensorOps`, since the scheduler's step() always derives
 * the previous timestep itself.
 * The lab runs the schedulers with clip_sample off (its data live in [−1, 1]², so clipping x̂_0 would
 * hide the denoiser's errors) and strict checks off inside loops (parameters are validated up front).
 */
import * as tf from '@tensorflow/tfjs-core';
import { DDIMScheduler } from '../../core/scheduler/ddim.ts';
import { DDPMScheduler } from '../../core/scheduler/ddpm.ts';
import { ddimCoefficients, ddimStepCore } from '../../core/scheduler/ddim-step.ts';
import { scalarMath } from '../../core/scheduler/scalar.ts';
import type { BetaScheduleName } from '../../core/schedule/betas.ts';
import type { PredictionType } from '../../core/nn/prediction.ts';
import type { PlannedStep, SamplingPlan } from './plan.ts';
import { labSchedulerConfig } from '../../core/sampling/lab-config.ts';
import { tensorOps } from '../scheduler-ops.ts';
import { onTensors } from '../scheduler.ts';

export interface PlanOptions {
  betaSchedule?: BetaScheduleName;
  timestepSpacing?: 'leading' | 'trailing' | 'linspace';
  numInferenceSteps: number;
  /** η of eq. 16 (ignored for σ̂). Default 0. */
  eta?: number;
  /** "eta": σ_t(η); "sigmaHat": DDPM's β_t. Default "eta". */
  variance?: 'eta' | 'sigmaHat';
  predictionType?: PredictionType;
  /** Which scheduler runs η = 1: "ddim" (default) or "ddpm" (DDPMScheduler, fixed_small). */
  scheduler?: 'ddim' | 'ddpm';
}

/** The step's x̂_0 can be the model output itself (prediction type "sample"); return a tensor the caller may dispose. */
function fresh(x0: tf.Tensor, modelOutput: tf.Tensor): tf.Tensor {
  return x0 === modelOutput ? tf.clone(x0) : x0;
}

/** The lab's DDIM step options besides η and the prediction type: no clipping or thresholding of x̂_0. */
export const LAB_STEP_OPTIONS = {
  thresholding: false,
  clipSample: false,
  clipSampleRange: 1,
  dynamicThresholdingRatio: 0.995,
  sampleMaxValue: 1,
  useClippedModelOutput: false,
} as const;

export function buildPlan({ betaSchedule = 'linear', timestepSpacing = 'leading', numInferenceSteps, eta = 0, variance = 'eta', predictionType = 'epsilon', scheduler = 'ddim' }: PlanOptions): SamplingPlan {
  const config = { ...labSchedulerConfig(betaSchedule, predictionType), timestepSpacing };
  if (variance === 'sigmaHat' || scheduler === 'ddpm') {
    const ddpm = new DDPMScheduler({ ...config, varianceType: variance === 'sigmaHat' ? 'fixed_large' : 'fixed_small' });
    ddpm.setTimesteps(numInferenceSteps);
    const ts = ddpm.timesteps;
    const onT = onTensors(ddpm);
    const steps: PlannedStep[] = ts.map((t) => {
      const c = ddpm.coefficients(t);
      return { timestep: t, prevTimestep: c.prevTimestep, alphaBar: c.alphaProdT, alphaBarPrev: c.alphaProdTPrev, sigma: t > 0 ? Math.sqrt(ddpm.getVariance(t)) : 0 };
    });
    return {
      steps,
      predictionType,
      stochastic: true,
      step: (i, modelOutput, sample, noise) => onT.step(modelOutput, ts[i], sample, { varianceNoise: ts[i] > 0 ? noise : null }),
    };
  }
  const ddim = new DDIMScheduler(config);
  ddim.setTimesteps(numInferenceSteps);
  const ts = ddim.timesteps;
  const onT = onTensors(ddim);
  const steps: PlannedStep[] = ts.map((t) => {
    const c = ddim.coefficients(t, eta);
    return { timestep: t, prevTimestep: c.prevTimestep, alphaBar: c.alphaProdT, alphaBarPrev: c.alphaProdTPrev, sigma: c.stdDevT };
  });
  return {
    steps,
    predictionType,
    stochastic: eta > 0,
    step: (i, modelOutput, sample, noise) => onT.step(modelOutput, ts[i], sample, { eta, varianceNoise: eta > 0 ? noise : null }),
  };
}

export interface AlongOptions {
  betaSchedule?: BetaScheduleName;
  eta?: number;
  predictionType?: PredictionType;
}

/**
 * A plan along `tau` (descending timesteps; the last step lands on ᾱ = 1, like diffusers' final
 * step), or — with `to` — from tau[i] to to[i] (ascending targets give DDIM inversion).
 */
export function buildPlanAlong(tau: readonly number[], { betaSchedule = 'linear', eta = 0, predictionType = 'epsilon' }: AlongOptions = {}, to?: readonly number[]): SamplingPlan {
  const ddim = new DDIMScheduler(labSchedulerConfig(betaSchedule, predictionType));
  const S = scalarMath('float32');
  const alpha = (t: number) => (t >= 0 ? ddim.alphaProd(t) : ddim.finalAlphaCumprod);
  const coefficients = tau.map((t, i) => {
    const prev = to ? to[i] : i + 1 < tau.length ? tau[i + 1] : -1;
    const c = ddimCoefficients(S, t, prev, alpha(t), alpha(prev), eta);
    // σ = 0 exactly when η = 0. (Going up in time, as DDIM inversion does, σ_t(1)² is negative and
    // η·√σ_t(1)² would be 0·NaN; with σ = 0 the direction coefficient is just 1 − ᾱ_prev.)
    return eta === 0 ? { ...c, stdDevT: 0, directionCoeffSquared: S.sub(1, c.alphaProdTPrev) } : c;
  });
  return {
    steps: coefficients.map((c) => ({ timestep: c.timestep, prevTimestep: c.prevTimestep, alphaBar: c.alphaProdT, alphaBarPrev: c.alphaProdTPrev, sigma: c.stdDevT })),
    predictionType,
    stochastic: eta > 0,
    step: (i, modelOutput, sample, noise) => tf.tidy(() => {
      const r = ddimStepCore(tensorOps, S, coefficients[i], modelOutput, sample, {
        predictionType,
        ...LAB_STEP_OPTIONS,
        eta,
        varianceNoise: noise ?? undefined,
      });
      return { prevSample: r.prevSample, predOriginalSample: fresh(r.predOriginalSample, modelOutput) };
    }),
  };
}
