/**
 * What DDIMScheduler and DDPMScheduler share: the β/ᾱ arrays, set_timesteps, add_noise and
 * get_velocity (diffusers keeps these identical in both files, marked "Copied from").
 */
import { betas64, cumprodAlphas, diffusersBetas32 } from './betas32.ts';
import type { ResolvedConfig } from './config.ts';
import { SchedulerConfigError, SchedulerStepError } from './errors.ts';
import { addNoiseCore, velocityCore } from './noise.ts';
import type { ArrayOps } from './ops.ts';
import { parseInteger } from './parse.ts';
import { scalarMath, type ScalarMath } from './scalar.ts';
import { checkBetas, checkEpsilonAtZeroAlpha, checkStepsOffset } from './schedule-checks.ts';
import type { Tensor } from './tensor.ts';
import { inferenceTimesteps, TIMESTEP_SPACINGS, type TimestepSpacing } from './timesteps.ts';
import { opsFor } from './typed-ops.ts';
import { checkArray, checkIndex } from './validate.ts';

export abstract class SchedulerBase<C extends ResolvedConfig> {
  /** The complete configuration (defaults filled in). */
  readonly config: Readonly<C>;
  /** β_0 … β_{T−1}: Float32Array (diffusers' values, bit for bit) or Float64Array with schedulePrecision "float64". */
  readonly betas: Float32Array | Float64Array;
  /** ᾱ_k = ∏_{j≤k}(1 − β_j), same array type as `betas` (diffusers `alphas_cumprod`). */
  readonly alphasCumprod: Float32Array | Float64Array;
  /** ᾱ used after the last step: 1 when setAlphaToOne, else ᾱ_0 (diffusers `final_alpha_cumprod`). */
  readonly finalAlphaCumprod: number;
  /** The timesteps to step through; T−1 … 0 until setTimesteps() is called. */
  timesteps: number[];
  /** N after setTimesteps(N), else null. */
  numInferenceSteps: number | null = null;
  /** Scalar arithmetic in the schedule's precision. */
  protected readonly S: ScalarMath;

  protected constructor(config: C) {
    this.config = Object.freeze({ ...config });
    this.S = scalarMath(config.schedulePrecision);
    const betaOptions = { ...config, trainedBetas: config.trainedBetas };
    this.betas = config.schedulePrecision === 'float32' ? diffusersBetas32(betaOptions) : betas64(betaOptions);
    this.alphasCumprod = cumprodAlphas(this.betas);
    if (config.strict) checkBetas(config, this.betas, this.alphasCumprod);
    this.finalAlphaCumprod = config.setAlphaToOne ? 1 : this.alphasCumprod[0];
    this.timesteps = Array.from({ length: config.numTrainTimesteps }, (_, i) => config.numTrainTimesteps - 1 - i);
  }

  /** T. */
  get numTrainTimesteps(): number {
    return this.config.numTrainTimesteps;
  }

  /**
   * ᾱ at timestep t, indexed the way Python indexes `alphas_cumprod[t]`: a negative t counts from
   * the end, so t = −1 reads ᾱ_{T−1}, the noisiest value. Throws outside [−T, T) (Python's IndexError).
   */
  alphaProd(t: number): number {
    const T = this.alphasCumprod.length;
    checkIndex('timestep', t, T);
    return this.alphasCumprod[t < 0 ? T + t : t];
  }

  /** diffusers `set_timesteps(num_inference_steps)`: fills `timesteps` for the configured spacing. */
  setTimesteps(numInferenceSteps: number): void {
    const T = this.config.numTrainTimesteps;
    const N = parseInteger('numInferenceSteps', numInferenceSteps, 1, T);
    const spacing = this.config.timestepSpacing;
    if (!(TIMESTEP_SPACINGS as readonly string[]).includes(spacing)) {
      throw new SchedulerConfigError('timestepSpacing', `one of ${TIMESTEP_SPACINGS.map((s) => `"${s}"`).join(', ')}`, spacing);
    }
    const timesteps = inferenceTimesteps(N, { numTrainTimesteps: T, timestepSpacing: spacing as TimestepSpacing, stepsOffset: this.config.stepsOffset });
    if (this.config.strict) {
      checkStepsOffset(this.config, N, timesteps);
      checkEpsilonAtZeroAlpha(this.config, timesteps, (t) => this.alphaProd(t));
    }
    this.numInferenceSteps = N;
    this.timesteps = timesteps;
  }

  /** ᾱ for each entry of an addNoise/getVelocity `timesteps` argument (one per batch item, or one for all). */
  protected alphaProdsFor(timesteps: readonly number[], batchSize: number): number[] {
    if (!Array.isArray(timesteps) || (timesteps.length !== 1 && timesteps.length !== batchSize)) {
      throw new SchedulerStepError('timesteps', `an array of 1 or ${batchSize} (batch size) timesteps`, timesteps);
    }
    const T = this.config.numTrainTimesteps;
    return timesteps.map((t) => {
      if (this.config.strict && !(Number.isInteger(t) && t >= 0 && t < T)) {
        throw new SchedulerStepError('timesteps', `integers in [0, ${T - 1}]`, timesteps);
      }
      return this.alphaProd(t);
    });
  }

  /** `add_noise` on any array type: x_t = √ᾱ_t·x_0 + √(1 − ᾱ_t)·ε. */
  addNoiseWith<A>(ops: ArrayOps<A>, original: A, noise: A, timesteps: readonly number[]): A {
    checkArray(ops, 'original', original, null, this.config.strict);
    checkArray(ops, 'noise', noise, original, this.config.strict);
    return addNoiseCore(ops, this.alphaProdsFor(timesteps, ops.batchSize(original)), original, noise);
  }

  /** `get_velocity` on any array type: v = √ᾱ_t·ε − √(1 − ᾱ_t)·x_0. */
  getVelocityWith<A>(ops: ArrayOps<A>, sample: A, noise: A, timesteps: readonly number[]): A {
    checkArray(ops, 'sample', sample, null, this.config.strict);
    checkArray(ops, 'noise', noise, sample, this.config.strict);
    return velocityCore(ops, this.alphaProdsFor(timesteps, ops.batchSize(sample)), sample, noise);
  }

  /** diffusers `add_noise`: noisy samples at the given timesteps (one per batch item, or one for all). */
  addNoise<T extends Tensor>(original: T, noise: T, timesteps: readonly number[]): T {
    checkTensor('original', original);
    checkTensor('noise', noise);
    sameArrayType('noise', original, noise);
    return this.addNoiseWith(opsFor(original), original, noise, timesteps) as T;
  }

  /** diffusers `get_velocity`: the v-prediction target at the given timesteps. */
  getVelocity<T extends Tensor>(sample: T, noise: T, timesteps: readonly number[]): T {
    checkTensor('sample', sample);
    checkTensor('noise', noise);
    sameArrayType('noise', sample, noise);
    return this.getVelocityWith(opsFor(sample), sample, noise, timesteps) as T;
  }
}

/** Mixed Float32Array/Float64Array arguments would make the result's precision ambiguous. */
export function sameArrayType(param: string, reference: Tensor, other: Tensor): void {
  if (!other || typeof other !== 'object' || !ArrayBuffer.isView(other.data)) {
    throw new SchedulerStepError(param, 'a tensor { data: Float64Array | Float32Array, shape }', other);
  }
  if (other.data.constructor !== reference.data.constructor) {
    throw new SchedulerStepError(param, `a tensor with ${reference.data.constructor.name} data, like the sample`, other.data.constructor.name);
  }
}

/** Check that a value is a plain tensor. */
export function checkTensor(param: string, t: unknown): asserts t is Tensor {
  const candidate = t as Partial<Tensor> | null;
  const ok =
    candidate !== null &&
    typeof candidate === 'object' &&
    (candidate.data instanceof Float64Array || candidate.data instanceof Float32Array) &&
    Array.isArray(candidate.shape) &&
    candidate.shape.every((d) => Number.isInteger(d) && d >= 0) &&
    candidate.shape.length > 0 &&
    candidate.shape.reduce((a, b) => a * b, 1) === candidate.data.length;
  if (!ok) throw new SchedulerStepError(param, 'a tensor { data: Float64Array | Float32Array, shape } whose shape (batch first) matches its data', t);
}

/** The tensors of a step() call: model output and sample (and the noise, if given) of one array type. */
export function checkStepInputs(modelOutput: unknown, sample: unknown, varianceNoise: unknown): void {
  checkTensor('sample', sample);
  checkTensor('modelOutput', modelOutput);
  sameArrayType('modelOutput', sample, modelOutput);
  if (varianceNoise != null) {
    checkTensor('varianceNoise', varianceNoise);
    sameArrayType('varianceNoise', sample, varianceNoise);
  }
}
