/**
 * Scheduler configuration: every option of diffusers' DDIMScheduler (and DDPMScheduler's
 * `variance_type`) in camelCase, with diffusers' defaults, plus two options of this port.
 *
 * `parseSchedulerConfig` normalises a loose object into a complete, typed configuration and throws a
 * `SchedulerConfigError` (naming the parameter and its valid range) on anything it cannot use.
 * Checks that depend on the computed schedule (ᾱ underflowing, ᾱ_t = 0 with ε-prediction, …) live in
 * schedule-checks.ts.
 */
import { BETA_SCHEDULES, type BetaScheduleName } from '../schedule/betas.ts';
import { SchedulerConfigError } from './errors.ts';
import { parseBoolean, parseChoice, parseInteger, parseNumber } from './parse.ts';
import type { Precision } from './scalar.ts';
import { TIMESTEP_SPACINGS, type TimestepSpacing } from './timesteps.ts';

export type PredictionType = 'epsilon' | 'sample' | 'v_prediction';
export const PREDICTION_TYPES: readonly PredictionType[] = ['epsilon', 'sample', 'v_prediction'];

export type VarianceType = 'fixed_small' | 'fixed_small_log' | 'fixed_large';
export const VARIANCE_TYPES: readonly VarianceType[] = ['fixed_small', 'fixed_small_log', 'fixed_large'];

/** Options shared by DDIMScheduler and DDPMScheduler. Every field is optional; defaults are diffusers'. */
export interface SchedulerConfig {
  /** T, the number of training steps (`num_train_timesteps`). Default 1000. */
  numTrainTimesteps?: number;
  /** First β of linear / scaled_linear (`beta_start`). Default 0.0001. */
  betaStart?: number;
  /** Last β of linear / scaled_linear (`beta_end`). Default 0.02. */
  betaEnd?: number;
  /** `beta_schedule`: "linear" (default), "scaled_linear" or "squaredcos_cap_v2". */
  betaSchedule?: BetaScheduleName;
  /** Explicit β list, overriding the schedule (`trained_betas`). Default null. */
  trainedBetas?: ArrayLike<number> | null;
  /** Clip x̂_0 to ±clipSampleRange (`clip_sample`). Default true. */
  clipSample?: boolean;
  /** `clip_sample_range`. Default 1. */
  clipSampleRange?: number;
  /** Use ᾱ = 1 after the last step rather than ᾱ_0 (`set_alpha_to_one`). Default true. */
  setAlphaToOne?: boolean;
  /** Added to leading timesteps (`steps_offset`). Default 0. */
  stepsOffset?: number;
  /** What the model predicts (`prediction_type`): "epsilon" (default), "sample" or "v_prediction". */
  predictionType?: PredictionType;
  /** Dynamic thresholding of x̂_0 (`thresholding`, Saharia et al. 2022); overrides clipSample. Default false. */
  thresholding?: boolean;
  /** Quantile of |x̂_0| used by thresholding (`dynamic_thresholding_ratio`). Default 0.995. */
  dynamicThresholdingRatio?: number;
  /** Upper limit of the threshold s (`sample_max_value`). Default 1. */
  sampleMaxValue?: number;
  /** `timestep_spacing`: "leading" (default), "trailing" or "linspace". */
  timestepSpacing?: TimestepSpacing;
  /** Rescale β to zero terminal SNR (`rescale_betas_zero_snr`). Default false. */
  rescaleBetasZeroSnr?: boolean;
  /**
   * Not in diffusers. Precision of β, ᾱ and the scalar coefficients step() derives from them.
   * "float32" (default) is what diffusers does, whatever the tensors' dtype. "float64" computes them
   * all in double, so that Float64Array tensors go through exact double arithmetic end to end.
   */
  schedulePrecision?: Precision;
  /**
   * Not in diffusers. When true (default), inputs on which diffusers would fail late, obscurely or
   * silently (NaN) are rejected up front with a SchedulerConfigError / SchedulerStepError. When false,
   * the port behaves as diffusers does in those cases too. The walkthrough lists every difference.
   */
  strict?: boolean;
}

export interface DDPMSchedulerConfig extends SchedulerConfig {
  /** `variance_type`: "fixed_small" (default, β̃_t), "fixed_small_log" or "fixed_large" (β_t). */
  varianceType?: VarianceType;
}

/** A configuration with every field present. */
export interface ResolvedConfig {
  numTrainTimesteps: number;
  betaStart: number;
  betaEnd: number;
  betaSchedule: BetaScheduleName;
  trainedBetas: number[] | null;
  clipSample: boolean;
  clipSampleRange: number;
  setAlphaToOne: boolean;
  stepsOffset: number;
  /** Kept as given when strict is false (diffusers only complains inside step()). */
  predictionType: PredictionType | string;
  thresholding: boolean;
  dynamicThresholdingRatio: number;
  sampleMaxValue: number;
  /** Kept as given when strict is false (diffusers only complains inside set_timesteps()). */
  timestepSpacing: TimestepSpacing | string;
  rescaleBetasZeroSnr: boolean;
  schedulePrecision: Precision;
  strict: boolean;
}

export interface ResolvedDDPMConfig extends ResolvedConfig {
  /** Kept as given when strict is false (diffusers silently treats unknown names as fixed_small). */
  varianceType: VarianceType | string;
}

export const DEFAULT_CONFIG: Readonly<ResolvedConfig> = Object.freeze({
  numTrainTimesteps: 1000,
  betaStart: 0.0001,
  betaEnd: 0.02,
  betaSchedule: 'linear',
  trainedBetas: null,
  clipSample: true,
  clipSampleRange: 1,
  setAlphaToOne: true,
  stepsOffset: 0,
  predictionType: 'epsilon',
  thresholding: false,
  dynamicThresholdingRatio: 0.995,
  sampleMaxValue: 1,
  timestepSpacing: 'leading',
  rescaleBetasZeroSnr: false,
  schedulePrecision: 'float32',
  strict: true,
});

const KNOWN_KEYS: ReadonlySet<string> = new Set(Object.keys(DEFAULT_CONFIG));

/** Normalise and check a DDIM configuration. */
export function parseSchedulerConfig(raw: SchedulerConfig = {}): ResolvedConfig {
  if (raw === null || typeof raw !== 'object') throw new SchedulerConfigError('config', 'an object of options', raw);
  for (const key of Object.keys(raw)) {
    if (!KNOWN_KEYS.has(key)) throw new SchedulerConfigError('config', `an object whose keys are among ${[...KNOWN_KEYS].join(', ')}`, key, `"${key}" is not an option of this scheduler.`);
  }
  const v = { ...DEFAULT_CONFIG, ...stripUndefined(raw) } as Record<string, unknown>;
  const strict = parseBoolean('strict', v.strict);
  const rescale = parseBoolean('rescaleBetasZeroSnr', v.rescaleBetasZeroSnr);
  const numTrainTimesteps = parseInteger('numTrainTimesteps', v.numTrainTimesteps, rescale ? 2 : 1);
  const trainedBetas = v.trainedBetas == null ? null : parseTrainedBetas(v.trainedBetas, numTrainTimesteps, strict);
  // β in (0, 1]: the smallest usable β depends on the precision and is checked on the computed schedule.
  const betaRange = strict ? { min: 0, max: 1, minOpen: true } : {};
  return {
    numTrainTimesteps,
    betaStart: parseNumber('betaStart', v.betaStart, betaRange),
    betaEnd: parseNumber('betaEnd', v.betaEnd, betaRange),
    betaSchedule: parseChoice('betaSchedule', v.betaSchedule, BETA_SCHEDULES),
    trainedBetas,
    clipSample: parseBoolean('clipSample', v.clipSample),
    clipSampleRange: parseNumber('clipSampleRange', v.clipSampleRange, strict ? { min: 0, minOpen: true } : {}),
    setAlphaToOne: parseBoolean('setAlphaToOne', v.setAlphaToOne),
    stepsOffset: parseInteger('stepsOffset', v.stepsOffset, strict ? 0 : -Number.MAX_SAFE_INTEGER),
    predictionType: strict ? parseChoice('predictionType', v.predictionType, PREDICTION_TYPES) : parseString('predictionType', v.predictionType),
    thresholding: parseBoolean('thresholding', v.thresholding),
    dynamicThresholdingRatio: parseNumber('dynamicThresholdingRatio', v.dynamicThresholdingRatio, strict ? { min: 0, max: 1 } : {}),
    sampleMaxValue: parseNumber('sampleMaxValue', v.sampleMaxValue, strict ? { min: 0, minOpen: true } : {}),
    timestepSpacing: strict ? parseChoice('timestepSpacing', v.timestepSpacing, TIMESTEP_SPACINGS) : parseString('timestepSpacing', v.timestepSpacing),
    rescaleBetasZeroSnr: rescale,
    schedulePrecision: parseChoice('schedulePrecision', v.schedulePrecision, ['float32', 'float64'] as const),
    strict,
  };
}

/** Normalise and check a DDPM configuration (the DDIM options plus varianceType). */
export function parseDDPMConfig(raw: DDPMSchedulerConfig = {}): ResolvedDDPMConfig {
  const { varianceType: _omit, ...rest } = (raw ?? {}) as DDPMSchedulerConfig;
  const base = parseSchedulerConfig(rest);
  const value = raw?.varianceType ?? 'fixed_small';
  const varianceType = base.strict ? parseChoice('varianceType', value, VARIANCE_TYPES) : parseString('varianceType', value);
  return { ...base, varianceType };
}

function parseString(param: string, value: unknown): string {
  if (typeof value === 'string') return value;
  throw new SchedulerConfigError(param, 'a string', value);
}

function parseTrainedBetas(value: unknown, T: number, strict: boolean): number[] {
  const isList = Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
  if (!isList) throw new SchedulerConfigError('trainedBetas', 'an array of numbers, or null', value);
  const list = Array.from(value as ArrayLike<unknown>);
  if (list.length === 0) throw new SchedulerConfigError('trainedBetas', 'a non-empty array of numbers', value);
  if (strict && list.length !== T) {
    throw new SchedulerConfigError('trainedBetas', `an array of numTrainTimesteps = ${T} numbers`, value, `It has ${list.length}; set numTrainTimesteps to match.`);
  }
  return list.map((b, k) => parseNumber(`trainedBetas[${k}]`, b, strict ? { min: 0, max: 1, minOpen: true } : {}));
}

function stripUndefined(o: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined));
}

/** diffusers' snake_case name of each option (for messages and for reading diffusers JSON configs). */
export const DIFFUSERS_NAMES: Readonly<Record<string, string>> = Object.freeze({
  numTrainTimesteps: 'num_train_timesteps',
  betaStart: 'beta_start',
  betaEnd: 'beta_end',
  betaSchedule: 'beta_schedule',
  trainedBetas: 'trained_betas',
  clipSample: 'clip_sample',
  clipSampleRange: 'clip_sample_range',
  setAlphaToOne: 'set_alpha_to_one',
  stepsOffset: 'steps_offset',
  predictionType: 'prediction_type',
  thresholding: 'thresholding',
  dynamicThresholdingRatio: 'dynamic_thresholding_ratio',
  sampleMaxValue: 'sample_max_value',
  timestepSpacing: 'timestep_spacing',
  rescaleBetasZeroSnr: 'rescale_betas_zero_snr',
  varianceType: 'variance_type',
});
