/**
 * The thin adapter between the core schedulers and tfjs: the widgets run diffusers' DDIM/DDPM
 * step on tensors through these few functions. There is no second copy of step(): each call goes to
 * `DDIMScheduler.stepWith` / `DDPMScheduler.stepWith` in src/core with `tensorOps` (scheduler-ops.ts),
 * so every check (timestep in the schedule, η range, finite inputs, …) and every line of arithmetic
 * is the one the unit tests compare with diffusers.
 *
 *   import { DDIMScheduler } from '../core/index.ts';
 *   import { onTensors } from './scheduler.ts';
 *
 *   const scheduler = new DDIMScheduler({ clipSample: false });
 *   scheduler.setTimesteps(50);
 *   const sampler = onTensors(scheduler);
 *   let x = tf.randomNormal([n, 2]);
 *   for (const t of scheduler.timesteps) {
 *     const eps = tf.tidy(() => model(x, t));
 *     const { prevSample } = sampler.step(eps, t, x, { eta, generator: mulberry32(seed) });
 *     tf.dispose([x, eps]);
 *     x = prevSample;
 *   }
 *
 * Memory: every intermediate is disposed (tf.tidy); the returned tensors are new and belong to the
 * caller, never aliases of the inputs. Inputs are float32 tensors [batch, …]; noise comes from
 * `varianceNoise` (a tensor) or a seeded `generator` (src/core/rng.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { DDIMScheduler, DDIMStepOptions, SchedulerOutput } from '../core/scheduler/ddim.ts';
import type { DDPMScheduler, DDPMStepOptions } from '../core/scheduler/ddpm.ts';
import type { DdimCoefficients } from '../core/scheduler/ddim-step.ts';
import type { DdpmCoefficients } from '../core/scheduler/ddpm-step.ts';
import { tensorOps } from './scheduler-ops.ts';

/** Every tensor of one DDIM step, plus its scalars (all tensors owned by the caller). */
export interface TensorDdimTrace {
  coefficients: DdimCoefficients;
  unclippedOriginalSample: tf.Tensor;
  predOriginalSample: tf.Tensor;
  predEpsilon: tf.Tensor;
  meanTerm: tf.Tensor;
  direction: tf.Tensor;
  /** σ_t·z; a zero tensor when η = 0 (then no noise is added). */
  noiseTerm: tf.Tensor;
  prevSample: tf.Tensor;
}

export interface TensorDdpmTrace {
  coefficients: DdpmCoefficients;
  predOriginalSample: tf.Tensor;
  mean: tf.Tensor;
  noiseTerm: tf.Tensor;
  prevSample: tf.Tensor;
}

export interface DdimOnTensors {
  step(modelOutput: tf.Tensor, timestep: number, sample: tf.Tensor, options?: DDIMStepOptions<tf.Tensor>): SchedulerOutput<tf.Tensor>;
  stepTrace(modelOutput: tf.Tensor, timestep: number, sample: tf.Tensor, options?: DDIMStepOptions<tf.Tensor>): TensorDdimTrace;
  addNoise(original: tf.Tensor, noise: tf.Tensor, timesteps: readonly number[]): tf.Tensor;
  getVelocity(sample: tf.Tensor, noise: tf.Tensor, timesteps: readonly number[]): tf.Tensor;
}

export interface DdpmOnTensors {
  step(modelOutput: tf.Tensor, timestep: number, sample: tf.Tensor, options?: DDPMStepOptions<tf.Tensor>): SchedulerOutput<tf.Tensor>;
  stepTrace(modelOutput: tf.Tensor, timestep: number, sample: tf.Tensor, options?: DDPMStepOptions<tf.Tensor>): TensorDdpmTrace;
  addNoise(original: tf.Tensor, noise: tf.Tensor, timesteps: readonly number[]): tf.Tensor;
  getVelocity(sample: tf.Tensor, noise: tf.Tensor, timesteps: readonly number[]): tf.Tensor;
}

/** A fresh tensor for each output, so that disposing outputs never disposes an input. */
function own(t: tf.Tensor, inputs: readonly (tf.Tensor | null | undefined)[]): tf.Tensor {
  return inputs.includes(t) ? tf.clone(t) : t;
}

/** The scheduler's step(), addNoise() and getVelocity() on tfjs tensors. */
export function onTensors(scheduler: DDIMScheduler): DdimOnTensors;
export function onTensors(scheduler: DDPMScheduler): DdpmOnTensors;
export function onTensors(scheduler: DDIMScheduler | DDPMScheduler): DdimOnTensors | DdpmOnTensors {
  const common = {
    addNoise: (original: tf.Tensor, noise: tf.Tensor, timesteps: readonly number[]) => tf.tidy(() => scheduler.addNoiseWith(tensorOps, original, noise, timesteps)),
    getVelocity: (sample: tf.Tensor, noise: tf.Tensor, timesteps: readonly number[]) => tf.tidy(() => scheduler.getVelocityWith(tensorOps, sample, noise, timesteps)),
  };
  if ('maxEta' in scheduler) {
    const ddim = scheduler;
    const stepTrace = (modelOutput: tf.Tensor, timestep: number, sample: tf.Tensor, options: DDIMStepOptions<tf.Tensor> = {}): TensorDdimTrace => {
      let coefficients!: DdimCoefficients;
      const inputs = [modelOutput, sample, options.varianceNoise];
      const tensors = tf.tidy(() => {
        const r = ddim.stepWith(tensorOps, modelOutput, timestep, sample, options);
        coefficients = r.coefficients;
        return {
          unclippedOriginalSample: own(r.unclippedOriginalSample, inputs),
          predOriginalSample: own(r.predOriginalSample, inputs),
          predEpsilon: own(r.predEpsilon, inputs),
          meanTerm: r.meanTerm,
          direction: r.direction,
          noiseTerm: r.noiseTerm ?? tf.zerosLike(sample),
          prevSample: r.prevSample,
        };
      });
      return { coefficients, ...tensors };
    };
    const api: DdimOnTensors = {
      ...common,
      stepTrace,
      step(modelOutput, timestep, sample, options = {}) {
        return tf.tidy(() => {
          const r = ddim.stepWith(tensorOps, modelOutput, timestep, sample, options);
          return { prevSample: r.prevSample, predOriginalSample: own(r.predOriginalSample, [modelOutput, sample]) };
        });
      },
    };
    return api;
  }
  const ddpm = scheduler;
  const stepTrace = (modelOutput: tf.Tensor, timestep: number, sample: tf.Tensor, options: DDPMStepOptions<tf.Tensor> = {}): TensorDdpmTrace => {
    let coefficients!: DdpmCoefficients;
    const inputs = [modelOutput, sample, options.varianceNoise];
    const tensors = tf.tidy(() => {
      const r = ddpm.stepWith(tensorOps, modelOutput, timestep, sample, options);
      coefficients = r.coefficients;
      return {
        predOriginalSample: own(r.predOriginalSample, inputs),
        mean: own(r.mean, inputs),
        noiseTerm: r.noiseTerm ?? tf.zerosLike(sample),
        prevSample: own(r.prevSample, inputs),
      };
    });
    return { coefficients, ...tensors };
  };
  const api: DdpmOnTensors = {
    ...common,
    stepTrace,
    step(modelOutput, timestep, sample, options = {}) {
      return tf.tidy(() => {
        const r = ddpm.stepWith(tensorOps, modelOutput, timestep, sample, options);
        return { prevSample: own(r.prevSample, [modelOutput, sample]), predOriginalSample: own(r.predOriginalSample, [modelOutput, sample]) };
      });
    },
  };
  return api;
}
