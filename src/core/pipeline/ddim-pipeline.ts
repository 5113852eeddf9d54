/**
 * DDIMPipeline: a TypeScript port of diffusers' `DDIMPipeline` (commit 58eb52c,
 * pipelines/ddim/pipeline_ddim.py), the loop the source notes quote before the scheduler.
 *
 *   const pipe = new DDIMPipeline({ denoiser, scheduler: new DDPMScheduler(), sampleShape: [2] });
 *   const out = await pipe.call({ batchSize: 16, generator: mulberry32(0), eta: 0, numInferenceSteps: 50 });
 *
 * What the constructor and `__call__` do, in diffusers' order:
 * 1. `DDIMScheduler.from_config(scheduler.config)`: any compatible scheduler becomes DDIM
 *    (from-config.ts; `conversion` says what was carried, dropped and defaulted).
 * 2. A generator list must have one generator per batch item (diffusers' ValueError, same wording).
 * 3. `image = randn_tensor(image_shape, generator)` (randn-tensor.ts).
 * 4. `scheduler.set_timesteps(num_inference_steps)`.
 * 5. For each t: `model_output = unet(image, t)`, then
 *    `image = scheduler.step(model_output, t, image, eta, use_clipped_model_output, generator).prev_sample`.
 *    The step is the port's own `DDIMScheduler.step()`: this file holds no second copy of it.
 *    Like step() in diffusers, noise is drawn from the generator(s) only when η > 0.
 * 6. `image = (image / 2 + 0.5).clamp(0, 1)`, then NCHW → NHWC (`permute(0, 2, 3, 1)`), and for
 *    output_type "pil" `(images * 255).round().astype("uint8")` (numpy_to_pil; numpy rounds half to even).
 *
 * Not in diffusers: `noise` (explicit x_T and per-step z, to replay diffusers' reference loops),
 * `returnTrace`, `onStep` (progress, and a place to yield to the page) and `signal` (cancel).
 * diffusers accepts any output_type other than "pil" as "numpy"; this port accepts "pil" and "np" and
 * names the choices otherwise. A missing generator is refused: randomness here is always seeded.
 */
import { DDIMScheduler } from '../scheduler/ddim.ts';
import { DDPMScheduler } from '../scheduler/ddpm.ts';
import { SchedulerInputError } from '../scheduler/errors.ts';
import type { ConfigConversion } from '../scheduler/from-config.ts';
import type { Precision } from '../scheduler/scalar.ts';
import { tensor, type Tensor, type TensorData } from '../scheduler/tensor.ts';
import type { DDIMStepOptions, SchedulerOutput } from '../scheduler/ddim.ts';
import { opsFor } from '../scheduler/typed-ops.ts';
import { isGenerator, randnTensor, type Generators } from './randn-tensor.ts';
import { toOutputImages, OUTPUT_TYPES, type OutputType, type OutputImages } from './output.ts';

/** The model: ε, x_0 or v (the scheduler's predictionType) for a batch at diffusers' timestep t. */
export type Denoiser<A = Tensor> = (sample: A, timestep: number) => A | Promise<A>;

/**
 * Where the loop's arrays live. The default keeps them as typed arrays (src/core/scheduler/tensor.ts);
 * the tfjs adapter (src/lab/pipeline-arrays.ts) keeps them as tensors. Either way the update is the
 * scheduler's one step(): `step` is `scheduler.step` or the adapter's `onTensors(scheduler).step`.
 */
export interface PipelineArrays<A> {
  /** An array of `shape` holding `data` (row-major), in the loop's precision. */
  fromData(data: TensorData, shape: readonly number[]): A;
  /** The array's values, row-major. */
  read(a: A): TensorData | Promise<TensorData>;
  /** The array's shape, and whether its element type is the loop's precision. */
  describe(a: A): { shape: readonly number[]; precision: Precision } | null;
  /** One scheduler step; the results are new arrays owned by the caller. */
  step(scheduler: DDIMScheduler, modelOutput: A, timestep: number, sample: A, options: DDIMStepOptions<A>): SchedulerOutput<A>;
  /** Free an array the loop no longer needs (tensors); nothing for typed arrays. */
  dispose(a: A): void;
}

/** Typed arrays in the given precision: the arrays of the unit tests and of diffusers' float64 reference loops. */
export function typedArrays(precision: Precision): PipelineArrays<Tensor> {
  return {
    fromData: (data, shape) => tensor(precision === 'float32' ? Float32Array.from(data) : Float64Array.from(data), shape),
    read: (a) => a.data,
    describe: (a) => (a?.data instanceof Float32Array || a?.data instanceof Float64Array ? { shape: a.shape, precision: a.data instanceof Float32Array ? 'float32' : 'float64' } : null),
    step: (scheduler, modelOutput, t, sample, options) => scheduler.step(modelOutput, t, sample, options),
    dispose: () => undefined,
  };
}

export interface DDIMPipelineParts<A = Tensor> {
  /** diffusers `unet`: called as unet(image, t). */
  denoiser: Denoiser<A>;
  /** Any scheduler the port has; converted with DDIMScheduler.fromConfig(scheduler.config). */
  scheduler: DDIMScheduler | DDPMScheduler;
  /** One item's shape: [C, H, W] for images (unet.config in_channels, sample_size), [2] for the 2D lab. Default [2]. */
  sampleShape?: readonly number[];
  /** The model's dtype (`unet.dtype`), and so the noise's and the loop's. Default "float32". */
  precision?: Precision;
  /** Where the arrays live. Default: typed arrays of `precision`. */
  arrays?: PipelineArrays<A>;
}

/** One loop iteration, for `returnTrace`. */
export interface PipelineStep<A = Tensor> {
  index: number;
  timestep: number;
  /** The timestep step() moves to: t − T // N (DDIMScheduler.prevTimestep). */
  prevTimestep: number;
  sample: A;
  modelOutput: A;
  predOriginalSample: A;
  prevSample: A;
}

export interface DDIMPipelineCallOptions<A = Tensor> {
  /** diffusers `batch_size`. Default 1; at most MAX_BATCH_SIZE here. */
  batchSize?: number;
  /** diffusers `generator`: one seeded generator, or one per batch item. Required. */
  generator?: Generators;
  /** diffusers `eta`. Default 0. */
  eta?: number;
  /** diffusers `num_inference_steps`. Default 50. */
  numInferenceSteps?: number;
  /** diffusers `use_clipped_model_output`; null (diffusers' None) is false. Default null. */
  useClippedModelOutput?: boolean | null;
  /** diffusers `output_type`: "pil" (uint8, default) or "np" (floats in [0, 1]). */
  outputType?: OutputType;
  /** Not in diffusers: also return every step. */
  returnTrace?: boolean;
  /** Not in diffusers: explicit x_T, and explicit z for step k (then no generator is needed). */
  noise?: { initial?: A; perStep?: (stepIndex: number) => A };
  /** Not in diffusers: called after each step (await'ed). */
  onStep?: (done: number, total: number, timestep: number) => void | Promise<void>;
  /** Not in diffusers: when `aborted` turns true the loop stops with PipelineCancelled. */
  signal?: { readonly aborted: boolean };
}

export interface DDIMPipelineOutput<A = Tensor> extends OutputImages {
  /** The loop's last sample, before `(image / 2 + 0.5).clamp(0, 1)`. */
  sample: A;
  /** The timesteps the loop visited (scheduler.timesteps). */
  timesteps: number[];
  /** Every step, when asked for; with tensors, the caller disposes them. */
  trace?: PipelineStep<A>[];
}

export const MAX_BATCH_SIZE = 4096;
export const CALL_OPTION_KEYS = ['batchSize', 'generator', 'eta', 'numInferenceSteps', 'useClippedModelOutput', 'outputType', 'returnTrace', 'noise', 'onStep', 'signal'] as const;

/** The loop was stopped through `signal`. */
export class PipelineCancelled extends Error {
  constructor() {
    super('The pipeline run was cancelled.');
    this.name = 'PipelineCancelled';
  }
}

export class DDIMPipeline<A = Tensor> {
  readonly denoiser: Denoiser<A>;
  /** The DDIM scheduler built from the given scheduler's config. */
  readonly scheduler: DDIMScheduler;
  /** What fromConfig carried over, dropped and defaulted. */
  readonly conversion: ConfigConversion;
  readonly sampleShape: readonly number[];
  readonly precision: Precision;
  readonly arrays: PipelineArrays<A>;

  constructor({ denoiser, scheduler, sampleShape = [2], precision = 'float32', arrays }: DDIMPipelineParts<A>) {
    if (typeof denoiser !== 'function') throw new SchedulerInputError('denoiser', 'a function (sample, timestep) → model output', denoiser);
    if (!(scheduler instanceof DDIMScheduler || scheduler instanceof DDPMScheduler)) {
      throw new SchedulerInputError('scheduler', 'a DDIMScheduler or DDPMScheduler of this port', scheduler);
    }
    if (!(Array.isArray(sampleShape) && sampleShape.length >= 1 && sampleShape.every((d) => Number.isInteger(d) && d >= 1 && d <= 4096))) {
      throw new SchedulerInputError('sampleShape', 'a list of 1 or more integers in [1, 4096]', sampleShape);
    }
    if (precision !== 'float32' && precision !== 'float64') throw new SchedulerInputError('precision', '"float32" or "float64"', precision);
    const sourceClass = scheduler instanceof DDPMScheduler ? 'DDPMScheduler' : 'DDIMScheduler';
    // pipeline_ddim.py: scheduler = DDIMScheduler.from_config(scheduler.config)
    const { scheduler: ddim, conversion } = DDIMScheduler.fromConfigWithReport(scheduler.config as unknown as Record<string, unknown>, sourceClass);
    this.denoiser = denoiser;
    this.scheduler = ddim;
    this.conversion = conversion;
    this.sampleShape = [...sampleShape];
    this.precision = precision;
    this.arrays = arrays ?? (typedArrays(precision) as unknown as PipelineArrays<A>);
  }

  /** diffusers `__call__`. */
  async call(options: DDIMPipelineCallOptions<A> = {}): Promise<DDIMPipelineOutput<A>> {
    const o = checkCallOptions(options);
    const shape = [o.batchSize, ...this.sampleShape];
    const { generator } = o;
    const arrays = this.arrays;
    // pipeline_ddim.py: the generator-list check, before any draw.
    if (Array.isArray(generator) && generator.length !== o.batchSize) {
      throw new SchedulerInputError(
        'generator',
        `one generator or a list of ${o.batchSize} (the batch size)`,
        generator,
        `You have passed a list of generators of length ${generator.length}, but requested an effective batch size of ${o.batchSize}. Make sure the batch size matches the length of the generators.`,
      );
    }
    const initial = o.noise?.initial;
    if (generator === undefined && (initial === undefined || (o.eta > 0 && o.noise?.perStep === undefined))) {
      throw new SchedulerInputError('generator', 'a seeded generator or a list of them (or explicit noise)', generator);
    }
    const draw = () => arrays.fromData(randnTensor(shape, generator as Generators, this.precision).data, shape);
    // image = randn_tensor(image_shape, generator=generator, dtype=self.unet.dtype)
    if (initial !== undefined) {
      const d = arrays.describe(initial);
      const ok = d !== null && d.precision === this.precision && d.shape.length === shape.length && d.shape.every((n, i) => n === shape[i]);
      if (!ok) throw new SchedulerInputError('noise.initial', `a ${this.precision} array of shape [${shape.join(', ')}]`, initial);
    }
    let image = initial ?? draw();
    const owned = new Set<A>(initial === undefined ? [image] : []);
    const free = (a: A) => {
      if (owned.delete(a)) arrays.dispose(a);
    };
    const trace: PipelineStep<A>[] = [];
    try {
      // self.scheduler.set_timesteps(num_inference_steps); η is checked against every step up front (strict).
      this.scheduler.setTimesteps(o.numInferenceSteps, { eta: o.eta });
      const timesteps = [...this.scheduler.timesteps];
      for (const [index, t] of timesteps.entries()) {
        if (o.signal?.aborted) throw new PipelineCancelled();
        // model_output = self.unet(image, t).sample
        const modelOutput = await this.denoiser(image, t);
        owned.add(modelOutput);
        // image = self.scheduler.step(model_output, t, image, eta=eta, use_clipped_model_output=…, generator=generator).prev_sample
        const explicit = o.eta > 0 ? o.noise?.perStep?.(index) : undefined;
        const varianceNoise = o.eta > 0 ? (explicit ?? draw()) : null;
        if (varianceNoise !== null && explicit === undefined) owned.add(varianceNoise);
        const out = arrays.step(this.scheduler, modelOutput, t, image, { eta: o.eta, useClippedModelOutput: o.useClippedModelOutput ?? false, varianceNoise });
        owned.add(out.prevSample);
        owned.add(out.predOriginalSample);
        if (varianceNoise !== null) free(varianceNoise);
        if (o.returnTrace) {
          trace.push({ index, timestep: t, prevTimestep: this.scheduler.prevTimestep(t), sample: image, modelOutput, predOriginalSample: out.predOriginalSample, prevSample: out.prevSample });
        } else {
          free(image);
          free(modelOutput);
          free(out.predOriginalSample);
        }
        image = out.prevSample;
        await o.onStep?.(index + 1, timesteps.length, t);
      }
      const data = await arrays.read(image);
      const read = tensor(data, shape);
      const result = { ...toOutputImages(opsFor(read), read, o.outputType), sample: image, timesteps, ...(o.returnTrace ? { trace } : {}) };
      owned.clear(); // what is returned now belongs to the caller
      return result;
    } finally {
      for (const a of owned) arrays.dispose(a);
    }
  }
}

interface CheckedCallOptions<A> {
  batchSize: number;
  generator: Generators | undefined;
  eta: number;
  numInferenceSteps: number;
  useClippedModelOutput: boolean | null;
  outputType: OutputType;
  returnTrace: boolean;
  noise: DDIMPipelineCallOptions<A>['noise'];
  onStep: DDIMPipelineCallOptions['onStep'];
  signal: DDIMPipelineCallOptions['signal'];
}

/** The call's options with defaults, each checked; diffusers checks none of these itself. */
function checkCallOptions<A>(options: DDIMPipelineCallOptions<A>): CheckedCallOptions<A> {
  if (options === null || typeof options !== 'object') throw new SchedulerInputError('options', 'an object', options);
  for (const key of Object.keys(options)) {
    if (!(CALL_OPTION_KEYS as readonly string[]).includes(key)) throw new SchedulerInputError('options', `an object with keys among ${CALL_OPTION_KEYS.join(', ')}`, key, `"${key}" is not one.`);
  }
  const { batchSize = 1, generator, eta = 0, numInferenceSteps = 50, useClippedModelOutput = null, outputType = 'pil', returnTrace = false, noise, onStep, signal } = options;
  if (!(Number.isInteger(batchSize) && batchSize >= 1 && batchSize <= MAX_BATCH_SIZE)) throw new SchedulerInputError('batchSize', `an integer in [1, ${MAX_BATCH_SIZE}]`, batchSize);
  if (generator !== undefined && !isGenerator(generator) && !(Array.isArray(generator) && generator.length > 0 && generator.every(isGenerator))) {
    throw new SchedulerInputError('generator', 'a seeded generator or a non-empty list of them (src/core/rng.ts)', generator);
  }
  if (!(typeof eta === 'number' && Number.isFinite(eta) && eta >= 0)) throw new SchedulerInputError('eta', 'a finite number ≥ 0', eta);
  if (useClippedModelOutput !== null && typeof useClippedModelOutput !== 'boolean') throw new SchedulerInputError('useClippedModelOutput', 'true, false or null', useClippedModelOutput);
  if (!(OUTPUT_TYPES as readonly string[]).includes(outputType as string)) throw new SchedulerInputError('outputType', `one of ${OUTPUT_TYPES.map((x) => `"${x}"`).join(', ')}`, outputType);
  if (typeof returnTrace !== 'boolean') throw new SchedulerInputError('returnTrace', 'true or false', returnTrace);
  if (onStep !== undefined && typeof onStep !== 'function') throw new SchedulerInputError('onStep', 'a function', onStep);
  return { batchSize, generator, eta, numInferenceSteps, useClippedModelOutput, outputType, returnTrace, noise, onStep, signal };
}
