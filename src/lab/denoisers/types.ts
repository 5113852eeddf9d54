/**
 * A denoiser on tensors: the noise prediction ε̂(x_t, t) for a batch of points. The sampler turns
 * it into the model output of the scheduler's prediction type (src/core/nn/prediction.ts).
 */
import type * as tf from '@tensorflow/tfjs-core';

export interface StepInfo {
  /** diffusers' 0-based timestep index of this step. */
  timestep: number;
  /** ᾱ at that timestep in the sampler's schedule (DDIM's α_t). */
  alphaBar: number;
}

export interface TensorDenoiser {
  /** ε̂ for points `x` [N, 2]. Returns a new tensor; the caller disposes it. */
  epsilon(x: tf.Tensor, step: StepInfo): tf.Tensor;
  /** Frees what the denoiser holds (constants, model weights it owns). */
  dispose(): void;
}
