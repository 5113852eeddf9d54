/**
 * Where a walkthrough identity is evaluated: diffusers' own parameters (a named β schedule, T, N,
 * the timestep spacing, which step of the schedule, η), not the (schedule, t, n, η) situation of the
 * derivation chapters. `drawStepSetting` gives a random valid setting; `stepSettingProblem` says
 * what is wrong with a setting a reader typed, naming the field and its valid range.
 *
 * Every scheduler built here computes in float64 (`schedulePrecision: 'float64'`): the identities
 * are about what step() computes, and in double they hold to rounding. That the float32 path rounds
 * as diffusers does is checked against diffusers' own numbers (test/core/scheduler/golden-*.test.ts).
 */
import { randint, uniform, type Rng } from '../rng.ts';
import { BETA_SCHEDULES, type BetaScheduleName } from '../schedule/betas.ts';
import type { SchedulerConfig } from './config.ts';
import { DDIMScheduler } from './ddim.ts';
import { inferenceTimesteps, TIMESTEP_SPACINGS, type TimestepSpacing } from './timesteps.ts';

export interface StepSetting {
  /** diffusers `beta_schedule`. */
  betaSchedule: BetaScheduleName;
  /** T, `num_train_timesteps`. */
  numTrainTimesteps: number;
  /** N, the argument of `set_timesteps`. */
  numInferenceSteps: number;
  /** `timestep_spacing`. */
  timestepSpacing: TimestepSpacing;
  /** `steps_offset` (leading spacing only). */
  stepsOffset: number;
  /** Which step: the index k into `timesteps` after set_timesteps(N), 0 = the first (noisiest). */
  stepIndex: number;
  /** η of step(). */
  eta: number;
}

/** The ranges of random settings (a reader's setting must stay inside them too). */
export const STEP_SETTING_RANGES = { minT: 2, maxT: 1000, maxEta: 3 } as const;

export type StepSettingField = keyof StepSetting;

/** Restrictions an identity puts on the settings it is drawn at. */
export interface SettingNeeds {
  /** Only these spacings (default: all three). */
  spacings?: readonly TimestepSpacing[];
  /** Draw steps_offset ∈ {0, 1} with leading spacing (default: always 0). */
  offset?: boolean;
  /** Always the last step of the schedule. */
  lastStep?: boolean;
  /** A fixed η. */
  eta?: number;
}

/**
 * The setting an identity is actually evaluated at: its one spacing, its last step and its η
 * applied, and steps_offset 0 unless it is about steps_offset.
 */
export function withNeeds(setting: StepSetting, needs: SettingNeeds): StepSetting {
  const out = { ...setting };
  if (needs.spacings?.length === 1) out.timestepSpacing = needs.spacings[0];
  if (!needs.offset) out.stepsOffset = 0;
  if (needs.lastStep) out.stepIndex = timestepsOf(out).length - 1;
  if (needs.eta !== undefined) out.eta = needs.eta;
  return out;
}

/** A float64 DDIMScheduler for the setting, with timesteps set, and the setting's timestep. */
export function schedulerAt(setting: StepSetting, extra: SchedulerConfig = {}): { s: DDIMScheduler; t: number } {
  const s = new DDIMScheduler({ ...configOf(setting), clipSample: false, ...extra });
  s.setTimesteps(setting.numInferenceSteps);
  return { s, t: s.timesteps[setting.stepIndex] };
}

/** The scheduler configuration a setting stands for (float64 schedule). */
export function configOf(setting: StepSetting): SchedulerConfig {
  return {
    betaSchedule: setting.betaSchedule,
    numTrainTimesteps: setting.numTrainTimesteps,
    timestepSpacing: setting.timestepSpacing,
    stepsOffset: setting.stepsOffset,
    schedulePrecision: 'float64',
  };
}

/** The timesteps of a setting (same recipe as set_timesteps). */
export function timestepsOf(setting: Pick<StepSetting, 'numTrainTimesteps' | 'numInferenceSteps' | 'timestepSpacing' | 'stepsOffset'>): number[] {
  return inferenceTimesteps(setting.numInferenceSteps, { numTrainTimesteps: setting.numTrainTimesteps, timestepSpacing: setting.timestepSpacing, stepsOffset: setting.stepsOffset });
}

/**
 * η: exactly 0 or exactly 1 one time in ten each, above 1 (up to the step's η_max, at most 3) one
 * time in five, else uniform in [0, 1).
 */
function drawEta(rng: Rng, etaMax: number): number {
  const r = rng.next();
  if (r < 0.1) return 0;
  if (r < 0.2) return 1;
  if (r < 0.4) return uniform(rng, 1, Math.min(etaMax, STEP_SETTING_RANGES.maxEta));
  return rng.next();
}

/** A random valid setting: T in [2, 1000], N in [1, T], any scheduled step, η in [0, η_max]. */
export function drawStepSetting(rng: Rng, needs: SettingNeeds = {}): StepSetting {
  const spacings = needs.spacings ?? TIMESTEP_SPACINGS;
  const T = randint(rng, STEP_SETTING_RANGES.minT, STEP_SETTING_RANGES.maxT);
  // N up to 100 three times in four (the usual range), else up to T.
  const N = randint(rng, 1, Math.min(T, rng.next() < 0.75 ? 100 : T));
  const spacing = spacings[randint(rng, 0, spacings.length - 1)];
  const stepsOffset = needs.offset && spacing === 'leading' ? randint(rng, 0, 1) : 0;
  const partial = { betaSchedule: BETA_SCHEDULES[randint(rng, 0, BETA_SCHEDULES.length - 1)], numTrainTimesteps: T, numInferenceSteps: N, timestepSpacing: spacing, stepsOffset };
  const count = timestepsOf(partial).length;
  const stepIndex = needs.lastStep ? count - 1 : randint(rng, 0, count - 1);
  const setting = { ...partial, stepIndex, eta: 0 };
  if (needs.eta !== undefined) return { ...setting, eta: needs.eta };
  const { s, t } = schedulerAt(setting);
  return { ...setting, eta: drawEta(rng, s.maxEta(t)) };
}

/** What is wrong with a setting, as a field, a code and the numbers a message needs; null if valid. */
export interface SettingProblem {
  field: StepSettingField;
  code: 'T' | 'N' | 'offset' | 'stepIndex' | 'eta' | 'etaMax';
  vars: Record<string, number>;
}

/** The first rule a (reader's) setting breaks, or null. Checked in the order of the fields. */
export function stepSettingProblem(setting: StepSetting): SettingProblem | null {
  const { numTrainTimesteps: T, numInferenceSteps: N, stepIndex: k, eta } = setting;
  const { minT, maxT } = STEP_SETTING_RANGES;
  if (!Number.isInteger(T) || T < minT || T > maxT) return { field: 'numTrainTimesteps', code: 'T', vars: { value: T, min: minT, max: maxT } };
  if (!Number.isInteger(N) || N < 1 || N > T) return { field: 'numInferenceSteps', code: 'N', vars: { value: N, T } };
  const timesteps = timestepsOf(setting);
  if (setting.stepsOffset !== 0 && timesteps[0] >= T) return { field: 'stepsOffset', code: 'offset', vars: { value: setting.stepsOffset, first: timesteps[0], T } };
  if (!Number.isInteger(k) || k < 0 || k >= timesteps.length) return { field: 'stepIndex', code: 'stepIndex', vars: { value: k, max: timesteps.length - 1, N } };
  if (!(eta >= 0) || !Number.isFinite(eta)) return { field: 'eta', code: 'eta', vars: { value: eta } };
  const { s, t } = schedulerAt(setting);
  const etaMax = s.maxEta(t);
  if (eta > etaMax) return { field: 'eta', code: 'etaMax', vars: { value: eta, max: etaMax, t } };
  return null;
}
