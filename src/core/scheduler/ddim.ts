/**
 * DDIMScheduler: a TypeScript port of diffusers' `DDIMScheduler` (commit 58eb52c, scheduling_ddim.py).
 *
 * References: Song, Meng & Ermon (2021), eq. 12 and 16; the step itself is `ddimStepCore` in
 * ddim-step.ts, shared with the tfjs adapter (src/lab/scheduler.ts).
 *
 *   const s = new DDIMScheduler({ betaSchedule: 'scaled_linear', clipSample: false });
 *   s.setTimesteps(50);
 *   for (const t of s.timesteps) x = s.step(model(x, t), t, x, { eta: 0 }).prevSample;
 *
 * Faithful by default, quirks included: prev = t − T // N whatever the spacing; trailing spacing
 * can schedule t = −1, which reads ᾱ_{T−1} the Python way; the final step uses finalAlphaCumprod;
 * clipping x̂_0 leaves ε unclipped unless useClippedModelOutput. With `strict` (default) inputs on
 * which diffusers would return NaN or fail mid-loop are refused up front instead.
 */
import { parseSchedulerConfig, type ResolvedConfig, type SchedulerConfig } from './config.ts';
import { ddimCoefficients, ddimStepCore, ddimVariance, type DdimCoefficients, type DdimStepTrace } from './ddim-step.ts';
import { SchedulerStepError } from './errors.ts';
import type { ArrayOps } from './ops.ts';
import type { Rng } from '../rng.ts';
import { checkStepInputs, checkTensor, sameArrayType, SchedulerBase } from './scheduler-base.ts';
import type { Tensor } from './tensor.ts';
import { ddimPrevTimestep } from './timesteps.ts';
import { invertDdimStep } from './invert.ts';
import { ddimConfigFrom, type ConfigConversion, type SourceClass } from './from-config.ts';
import { nextDown, type ScalarMath } from './scalar.ts';
import { SchedulerConfigError } from './errors.ts';
import { opsFor } from './typed-ops.ts';
import { checkArray, checkBoolean, checkFiniteNumber, checkIndex, checkNoiseSource, checkOptionKeys, checkScheduled } from './validate.ts';

/** Options of DDIMScheduler.step() (diffusers' keyword arguments, camelCase). */
export interface DDIMStepOptions<A = Tensor> {
  /** η of eq. 16: 0 is DDIM, 1 is DDPM's posterior variance (diffusers `eta`). Default 0. */
  eta?: number;
  /** Re-derive ε from the clipped x̂_0 (diffusers `use_clipped_model_output`). Default false. */
  useClippedModelOutput?: boolean;
  /** The noise z of σ_t·z, same shape and array type as the sample (diffusers `variance_noise`). */
  varianceNoise?: A | null;
  /** A seeded generator to draw z from when η > 0 and no varianceNoise is given (src/core/rng.ts). */
  generator?: Rng | null;
}

/** The keys DDIMStepOptions may hold; any other key is refused. */
export const DDIM_STEP_OPTION_KEYS = ['eta', 'useClippedModelOutput', 'varianceNoise', 'generator'] as const;

/** Options of DDIMScheduler.setTimesteps() beyond N. Not in diffusers. */
export interface DDIMSetTimestepsOptions {
  /**
   * The η the coming loop will use. When given, every step of the new schedule is checked before
   * any sampling, so an η too large for one late step is refused here rather than mid-loop.
   */
  eta?: number;
}

export interface SchedulerOutput<A = Tensor> {
  /** x_{t−Δ}, the sample to feed the next step (diffusers `prev_sample`). */
  prevSample: A;
  /** x̂_0 after clipping/thresholding (diffusers `pred_original_sample`). */
  predOriginalSample: A;
}

export class DDIMScheduler extends SchedulerBase<ResolvedConfig> {
  /** diffusers `order`: one model evaluation per step. */
  readonly order = 1;
  /** diffusers `init_noise_sigma`. */
  readonly initNoiseSigma = 1;

  constructor(config: SchedulerConfig = {}) {
    super(parseSchedulerConfig(config));
  }

  /**
   * diffusers `DDIMScheduler.from_config(config)`: a DDIM scheduler from another scheduler's config
   * (this port's camelCase `config`, or a diffusers JSON object). Keys DDIM does not take are dropped,
   * as diffusers drops them; `ddimConfigFrom` (from-config.ts) reports which and why.
   */
  static fromConfig(config: Readonly<Record<string, unknown>>, sourceClass?: SourceClass): DDIMScheduler {
    return new DDIMScheduler(ddimConfigFrom(config, sourceClass).config);
  }

  /** fromConfig() together with the conversion report (what was carried, dropped and defaulted). */
  static fromConfigWithReport(config: Readonly<Record<string, unknown>>, sourceClass?: SourceClass): { scheduler: DDIMScheduler; conversion: ConfigConversion } {
    const conversion = ddimConfigFrom(config, sourceClass);
    return { scheduler: new DDIMScheduler(conversion.config), conversion };
  }

  /** The previous timestep step() uses: t − T // N (not the next schedule entry). */
  prevTimestep(timestep: number): number {
    if (this.numInferenceSteps === null) throw notReady();
    return ddimPrevTimestep(timestep, this.config.numTrainTimesteps, this.numInferenceSteps);
  }

  /** ᾱ at prev, or finalAlphaCumprod when prev < 0. */
  alphaProdPrev(prevTimestep: number): number {
    return prevTimestep >= 0 ? this.alphaProd(prevTimestep) : this.finalAlphaCumprod;
  }

  /** diffusers `_get_variance(timestep, prev_timestep)`: σ_t(η = 1)², in the schedule's precision. */
  getVariance(timestep: number, prevTimestep: number): number {
    checkIndex('timestep', timestep, this.config.numTrainTimesteps);
    if (!Number.isInteger(prevTimestep) || prevTimestep >= this.config.numTrainTimesteps) {
      throw new SchedulerStepError('prevTimestep', `an integer < ${this.config.numTrainTimesteps} (negative means after the last step)`, prevTimestep);
    }
    return ddimVariance(this.S, this.alphaProd(timestep), this.alphaProdPrev(prevTimestep));
  }

  /** The scalars of a step at `timestep` with this η (no validation of η). */
  coefficients(timestep: number, eta = 0): DdimCoefficients {
    const prev = this.prevTimestep(timestep);
    return ddimCoefficients(this.S, timestep, prev, this.alphaProd(timestep), this.alphaProdPrev(prev), eta);
  }

  /**
   * The largest η that step() accepts at `timestep`: analytically √((1 − ᾱ_prev)/σ_t(1)²) =
   * √((1 − ᾱ_t)·ᾱ_prev/(ᾱ_prev − ᾱ_t)), which is above 1 unless ᾱ_t = 0; then lowered ulp by ulp
   * until 1 − ᾱ_prev − σ_t² is not negative in the schedule's arithmetic (with ᾱ_t = 0 the bound is
   * exactly 1 and rounding can put η = 1 itself beyond it). ∞ when σ_t(1) = 0.
   */
  maxEta(timestep: number): number {
    const c = this.coefficients(timestep, 0);
    if (!(c.variance > 0)) return Infinity;
    let eta = this.S.of(Math.sqrt((1 - c.alphaProdTPrev) / c.variance));
    for (let i = 0; i < 64 && !(this.coefficients(timestep, eta).directionCoeffSquared >= 0); i++) eta = nextDown(this.S, eta);
    return eta;
  }

  /**
   * diffusers `set_timesteps(num_inference_steps)`. With `{ eta }`, also checks that η suits every
   * step of the new schedule (see `maxEtaForSchedule`); on failure the previous schedule is kept.
   */
  override setTimesteps(numInferenceSteps: number, options: DDIMSetTimestepsOptions = {}): void {
    checkOptionKeys(options, ['eta'], SchedulerConfigError);
    const { eta } = options ?? {};
    if (eta !== undefined && !(typeof eta === 'number' && Number.isFinite(eta) && eta >= 0)) {
      throw new SchedulerConfigError('eta', 'a finite number ≥ 0', eta);
    }
    const before = { timesteps: this.timesteps, numInferenceSteps: this.numInferenceSteps };
    super.setTimesteps(numInferenceSteps);
    if (eta === undefined || !this.config.strict) return;
    const max = this.maxEtaForSchedule();
    if (!(eta <= max.eta)) {
      this.timesteps = before.timesteps;
      this.numInferenceSteps = before.numInferenceSteps;
      throw new SchedulerConfigError(
        'eta',
        `in [0, ${formatBound(this.S, max.eta)}] for this schedule (N = ${numInferenceSteps})`,
        eta,
        `The tightest step is timestep ${max.timestep}; beyond it 1 − ᾱ_prev − σ_t² < 0 there and diffusers returns NaN.`,
      );
    }
  }

  /** The largest η every step of the current schedule accepts, and the step that sets it. */
  maxEtaForSchedule(): { eta: number; timestep: number } {
    if (this.numInferenceSteps === null) throw notReady();
    let best = { eta: Infinity, timestep: this.timesteps[0] };
    for (const t of this.timesteps) {
      const eta = this.maxEta(t);
      if (eta < best.eta) best = { eta, timestep: t };
    }
    return best;
  }

  /** diffusers `step()`: one DDIM update x_t → x_{t−Δ}. Results keep the sample's array type. */
  step<T extends Tensor>(modelOutput: T, timestep: number, sample: T, options: DDIMStepOptions<T> = {}): SchedulerOutput<T> {
    const { prevSample, predOriginalSample } = this.stepTrace(modelOutput, timestep, sample, options);
    return { prevSample, predOriginalSample };
  }

  /** step() with every intermediate (x̂_0 before clipping, ε, each term, the scalars). */
  stepTrace<T extends Tensor>(modelOutput: T, timestep: number, sample: T, options: DDIMStepOptions<T> = {}): DdimStepTrace<T> {
    checkStepInputs(modelOutput, sample, options?.varianceNoise);
    return this.stepWith(opsFor(sample) as unknown as ArrayOps<T>, modelOutput, timestep, sample, options);
  }

  /**
   * step() on any array type, given its `ArrayOps` (the tfjs adapter calls this). All checks run
   * here, before any arithmetic; the arithmetic is `ddimStepCore`.
   */
  stepWith<A>(ops: ArrayOps<A>, modelOutput: A, timestep: number, sample: A, options: DDIMStepOptions<A> = {}): DdimStepTrace<A> {
    if (this.numInferenceSteps === null) throw notReady();
    const strict = this.config.strict;
    checkOptionKeys(options, DDIM_STEP_OPTION_KEYS);
    const { eta = 0, useClippedModelOutput = false, varianceNoise = null, generator = null } = options ?? {};
    const t = strict ? checkScheduled('timestep', timestep, this.timesteps) : checkIndex('timestep', timestep, this.config.numTrainTimesteps);
    checkFiniteNumber('eta', eta, strict ? 0 : undefined);
    checkBoolean('useClippedModelOutput', useClippedModelOutput);
    checkArray(ops, 'sample', sample, null, strict);
    checkArray(ops, 'modelOutput', modelOutput, sample, strict);

    const c = this.coefficients(t, eta);
    if (strict && !(c.directionCoeffSquared >= 0)) {
      const max = this.maxEta(t);
      throw new SchedulerStepError('eta', `in [0, ${formatBound(this.S, max)}] at timestep ${t}`, eta, `Beyond it 1 − ᾱ_prev − σ_t² = ${c.directionCoeffSquared.toPrecision(3)} < 0 and diffusers returns NaN.`);
    }
    let noise: A | undefined;
    if (eta > 0) {
      checkNoiseSource(varianceNoise, generator, 'when eta > 0');
      if (varianceNoise != null) checkArray(ops, 'varianceNoise', varianceNoise, sample, strict);
      noise = varianceNoise ?? ops.normalLike(sample, generator as Rng);
    }
    const cfg = this.config;
    return ddimStepCore(ops, this.S, c, modelOutput, sample, {
      predictionType: cfg.predictionType,
      thresholding: cfg.thresholding,
      clipSample: cfg.clipSample,
      clipSampleRange: cfg.clipSampleRange,
      dynamicThresholdingRatio: cfg.dynamicThresholdingRatio,
      sampleMaxValue: cfg.sampleMaxValue,
      useClippedModelOutput,
      eta,
      varianceNoise: noise,
    });
  }

  /**
   * Not in diffusers: x_t back from x_{t−Δ} = step(m, t, x_t, { eta: 0 }).prevSample, for the same
   * model output m (see invert.ts). Needs clipping and thresholding off, which make the step lose information.
   */
  invertStep<T extends Tensor>(modelOutput: T, timestep: number, prevSample: T): T {
    checkTensor('prevSample', prevSample);
    checkTensor('modelOutput', modelOutput);
    sameArrayType('modelOutput', prevSample, modelOutput);
    if (this.config.clipSample || this.config.thresholding) {
      throw new SchedulerConfigError(this.config.thresholding ? 'thresholding' : 'clipSample', 'false for a step to be invertible', true);
    }
    const c = this.coefficients(checkScheduled('timestep', timestep, this.timesteps), 0);
    const ops = opsFor(prevSample) as unknown as ArrayOps<T>;
    checkArray(ops, 'modelOutput', modelOutput, prevSample, this.config.strict);
    return invertDdimStep(ops, this.S, { predictionType: this.config.predictionType, alphaProdT: c.alphaProdT, alphaProdTPrev: c.alphaProdTPrev }, modelOutput, prevSample);
  }

  /** diffusers `scale_model_input`: DDIM does not rescale its input. */
  scaleModelInput<T>(sample: T): T {
    return sample;
  }
}

/** The shortest decimal that reads back as `x` in the schedule's precision (0.99999994, not 1). */
function formatBound(S: ScalarMath, x: number): string {
  for (let digits = 1; digits < 17; digits++) {
    const text = String(Number(x.toPrecision(digits)));
    if (S.of(Number(text)) === x) return text;
  }
  return String(x);
}

function notReady(): SchedulerStepError {
  return new SchedulerStepError('numInferenceSteps', 'set by setTimesteps(n) before step()', null);
}
