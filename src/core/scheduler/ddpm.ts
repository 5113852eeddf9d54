/**
 * DDPMScheduler: a TypeScript port of diffusers' `DDPMScheduler` (commit 58eb52c, scheduling_ddpm.py),
 * for the variance types fixed_small, fixed_small_log and fixed_large.
 *
 * References: Ho, Jain & Abbeel (2020), eq. 6–7; the step is `ddpmStepCore` in ddpm-step.ts.
 *
 * Differences from DDIM worth knowing (all as in diffusers):
 * - the previous timestep is the next entry of `timesteps` (−1 after the last), not t − T // N;
 *   before setTimesteps() it is t − 1;
 * - after the last step ᾱ_prev = 1 (diffusers' DDPM has no set_alpha_to_one; `setAlphaToOne: false`
 *   here is an extension that uses ᾱ_0 instead);
 * - noise is added only when t > 0, and `setTimesteps` also accepts an explicit descending list.
 */
import { parseDDPMConfig, type DDPMSchedulerConfig, type ResolvedDDPMConfig } from './config.ts';
import { ddpmCoefficients, ddpmStepCore, ddpmVariance, type DdpmCoefficients, type DdpmStepTrace } from './ddpm-step.ts';
import { SchedulerConfigError, SchedulerStepError } from './errors.ts';
import type { ArrayOps } from './ops.ts';
import type { Rng } from '../rng.ts';
import { checkStepInputs, SchedulerBase } from './scheduler-base.ts';
import type { Tensor } from './tensor.ts';
import { nextScheduleEntry } from './timesteps.ts';
import { opsFor } from './typed-ops.ts';
import { checkArray, checkIndex, checkNoiseSource, checkOptionKeys, checkScheduled } from './validate.ts';
import type { SchedulerOutput } from './ddim.ts';
import { checkEpsilonAtZeroAlpha } from './schedule-checks.ts';

/** The keys DDPMStepOptions may hold; any other key is refused. */
export const DDPM_STEP_OPTION_KEYS = ['varianceNoise', 'generator'] as const;

export interface DDPMStepOptions<A = Tensor> {
  /** The noise z added as std·z when t > 0 (not in diffusers, whose DDPM step only takes a generator). */
  varianceNoise?: A | null;
  /** A seeded generator to draw z from (src/core/rng.ts). */
  generator?: Rng | null;
}

export interface CustomTimestepsOptions {
  /** An explicit, strictly descending list of timesteps below T (diffusers `timesteps=`). */
  timesteps?: readonly number[] | null;
}

export class DDPMScheduler extends SchedulerBase<ResolvedDDPMConfig> {
  readonly order = 1;
  readonly initNoiseSigma = 1;
  /** True after setTimesteps(null, { timesteps }). */
  customTimesteps = false;

  constructor(config: DDPMSchedulerConfig = {}) {
    super(parseDDPMConfig(config));
  }

  /**
   * diffusers `set_timesteps(num_inference_steps=None, timesteps=None)`: either N (spaced as
   * configured) or an explicit descending list, not both.
   */
  override setTimesteps(numInferenceSteps?: number | null, { timesteps = null }: CustomTimestepsOptions = {}): void {
    if (numInferenceSteps != null && timesteps != null) {
      throw new SchedulerConfigError('timesteps', 'null when numInferenceSteps is given (pass one or the other)', timesteps);
    }
    if (timesteps == null) {
      super.setTimesteps(numInferenceSteps as number);
      this.customTimesteps = false;
      return;
    }
    const T = this.config.numTrainTimesteps;
    const list = Array.from(timesteps);
    const ok = list.length > 0 && list.every((t) => Number.isInteger(t) && t < T && (!this.config.strict || t >= 0));
    if (!ok) throw new SchedulerConfigError('timesteps', `a non-empty list of integers in [0, ${T - 1}]`, timesteps, `They must start before numTrainTimesteps = ${T}.`);
    for (let i = 1; i < list.length; i++) {
      if (list[i] >= list[i - 1]) throw new SchedulerConfigError('timesteps', 'a strictly descending list', timesteps);
    }
    if (this.config.strict) checkEpsilonAtZeroAlpha(this.config, list, (t) => this.alphaProd(t));
    this.timesteps = list;
    this.numInferenceSteps = null;
    this.customTimesteps = true;
  }

  /** diffusers `previous_timestep(t)`: the next schedule entry (−1 after the last); t − 1 before setTimesteps(). */
  previousTimestep(timestep: number): number {
    if (!this.customTimesteps && this.numInferenceSteps === null) return timestep - 1;
    const next = nextScheduleEntry(this.timesteps, timestep);
    if (next === undefined) throw new SchedulerStepError('timestep', `one of the scheduled timesteps`, timestep);
    return next;
  }

  /** ᾱ at prev, or finalAlphaCumprod (1 by default, like diffusers' `one`) when prev < 0. */
  alphaProdPrev(prevTimestep: number): number {
    return prevTimestep >= 0 ? this.alphaProd(prevTimestep) : this.finalAlphaCumprod;
  }

  /** The scalars of a step at `timestep`. */
  coefficients(timestep: number): DdpmCoefficients {
    const prev = this.previousTimestep(timestep);
    return ddpmCoefficients(this.S, timestep, prev, this.alphaProd(timestep), this.alphaProdPrev(prev));
  }

  /** diffusers `_get_variance(t)` for the configured varianceType. */
  getVariance(timestep: number): number {
    checkIndex('timestep', timestep, this.config.numTrainTimesteps);
    return ddpmVariance(this.S, this.coefficients(timestep), this.config.varianceType);
  }

  /** diffusers `step()`: one ancestral step from t to the previous timestep. */
  step<T extends Tensor>(modelOutput: T, timestep: number, sample: T, options: DDPMStepOptions<T> = {}): SchedulerOutput<T> {
    const { prevSample, predOriginalSample } = this.stepTrace(modelOutput, timestep, sample, options);
    return { prevSample, predOriginalSample };
  }

  stepTrace<T extends Tensor>(modelOutput: T, timestep: number, sample: T, options: DDPMStepOptions<T> = {}): DdpmStepTrace<T> {
    checkStepInputs(modelOutput, sample, options?.varianceNoise);
    return this.stepWith(opsFor(sample) as unknown as ArrayOps<T>, modelOutput, timestep, sample, options);
  }

  /** step() on any array type, given its `ArrayOps`; all checks before any arithmetic. */
  stepWith<A>(ops: ArrayOps<A>, modelOutput: A, timestep: number, sample: A, options: DDPMStepOptions<A> = {}): DdpmStepTrace<A> {
    const strict = this.config.strict;
    checkOptionKeys(options, DDPM_STEP_OPTION_KEYS);
    const { varianceNoise = null, generator = null } = options ?? {};
    const t = strict ? checkScheduled('timestep', timestep, this.timesteps) : checkIndex('timestep', timestep, this.config.numTrainTimesteps);
    checkArray(ops, 'sample', sample, null, strict);
    checkArray(ops, 'modelOutput', modelOutput, sample, strict);
    const c = this.coefficients(t);
    let noise: A | undefined;
    if (t > 0) {
      checkNoiseSource(varianceNoise, generator, 'when timestep > 0');
      if (varianceNoise != null) checkArray(ops, 'varianceNoise', varianceNoise, sample, strict);
      noise = varianceNoise ?? ops.normalLike(sample, generator as Rng);
    }
    const cfg = this.config;
    return ddpmStepCore(ops, this.S, c, modelOutput, sample, {
      predictionType: cfg.predictionType,
      thresholding: cfg.thresholding,
      clipSample: cfg.clipSample,
      clipSampleRange: cfg.clipSampleRange,
      dynamicThresholdingRatio: cfg.dynamicThresholdingRatio,
      sampleMaxValue: cfg.sampleMaxValue,
      varianceType: cfg.varianceType,
      varianceNoise: noise,
    });
  }

  scaleModelInput<T>(sample: T): T {
    return sample;
  }
}
