/**
 * What a sampling loop needs from a scheduler, in the lab's terms. A plan lists the steps (timestep,
 * previous timestep, ᾱ at both, σ of the step) and applies one step to tensors. Plans are built by
 * src/lab/sampling/scheduler-plan.ts from the project's diffusers port (src/core/scheduler/), so the
 * update itself is always the scheduler's; nothing here re-derives it.
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { PredictionType } from '../../core/nn/prediction.ts';

export interface PlannedStep {
  /** diffusers' 0-based timestep index t. */
  timestep: number;
  /** The timestep the update lands on (−1: past the last step, ᾱ = final). */
  prevTimestep: number;
  /** ᾱ_t (DDIM's α_t). */
  alphaBar: number;
  /** ᾱ at prevTimestep. */
  alphaBarPrev: number;
  /** Standard deviation of the fresh noise this step adds (0 for η = 0). */
  sigma: number;
}

export interface StepOutput {
  prevSample: tf.Tensor;
  predOriginalSample: tf.Tensor;
}

export interface SamplingPlan {
  steps: PlannedStep[];
  /** Which output the plan expects from the model. */
  predictionType: PredictionType;
  /** Whether steps draw fresh noise (so the loop must supply it). */
  stochastic: boolean;
  /** One update from step `i`; `noise` is z ~ N(0, I) of the sample's shape when stochastic. Returns new tensors. */
  step(i: number, modelOutput: tf.Tensor, sample: tf.Tensor, noise: tf.Tensor | null): StepOutput;
}
