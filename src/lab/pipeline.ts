/**
 * DDIMPipeline on tfjs tensors: the core's loop (src/core/pipeline/ddim-pipeline.ts) with its arrays
 * kept as float32 tensors and each update made by the existing adapter, `onTensors(scheduler).step`
 * (src/lab/scheduler.ts), which runs the core's one step() with tfjs kernels. A lab denoiser
 * (src/lab/denoisers: exact mixture, memorising, MLP) becomes the pipeline's unet.
 *
 *   const pipe = tensorPipeline(mlp, new DDPMScheduler());
 *   const out = await pipe.call({ batchSize: 16, generator: mulberry32(0) });
 *   // out.sample is a tensor the caller disposes.
 */
import * as tf from '@tensorflow/tfjs-core';
import { DDIMPipeline, type PipelineArrays } from '../core/pipeline/ddim-pipeline.ts';
import type { DDIMScheduler } from '../core/scheduler/ddim.ts';
import type { DDPMScheduler } from '../core/scheduler/ddpm.ts';
import type { TensorData } from '../core/scheduler/tensor.ts';
import type { TensorDenoiser } from './denoisers/types.ts';
import { onTensors } from './scheduler.ts';

/** float32 tensors; steps through the tfjs adapter of the scheduler. */
export const tensorArrays: PipelineArrays<tf.Tensor> = {
  fromData: (data: TensorData, shape: readonly number[]) => tf.tensor(Float32Array.from(data), [...shape], 'float32'),
  read: async (a) => (await a.data()) as Float32Array,
  describe: (a) => (a instanceof tf.Tensor && !a.isDisposed ? { shape: a.shape, precision: a.dtype === 'float32' ? 'float32' : 'float64' } : null),
  step: (scheduler: DDIMScheduler, modelOutput, t, sample, options) => onTensors(scheduler).step(modelOutput, t, sample, options),
  dispose: (a) => a.dispose(),
};

/**
 * A pipeline whose unet is a lab denoiser: it predicts ε, so the scheduler must be an ε-prediction one.
 * The denoiser is asked at ᾱ of the pipeline's own (converted) scheduler.
 */
export function tensorPipeline(denoiser: TensorDenoiser, scheduler: DDIMScheduler | DDPMScheduler, sampleShape: readonly number[] = [2]): DDIMPipeline<tf.Tensor> {
  const pipe: DDIMPipeline<tf.Tensor> = new DDIMPipeline<tf.Tensor>({
    denoiser: (x, t) => denoiser.epsilon(x, { timestep: t, alphaBar: pipe.scheduler.alphasCumprod[t] }),
    scheduler,
    sampleShape,
    precision: 'float32',
    arrays: tensorArrays,
  });
  return pipe;
}
