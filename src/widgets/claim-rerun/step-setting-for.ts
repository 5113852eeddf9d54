/**
 * From the reader's values to the scheduler setting a claim about diffusers' scheduler is evaluated
 * at, and the first rule that setting breaks. Light enough for the page script: it validates every
 * edit before the evaluation code loads.
 */
import { stepSettingProblem, withNeeds, type SettingNeeds, type SettingProblem, type StepSetting, type StepSettingField } from '../../core/scheduler/step-setting.ts';
import type { BetaScheduleName } from '../../core/schedule/betas.ts';
import type { TimestepSpacing } from '../../core/scheduler/timesteps.ts';

/** What the page needs to know about a claim to validate the reader's values. */
export interface StepClaimMeta {
  reads: readonly StepSettingField[];
  needs: SettingNeeds;
}

export interface StepReaderValues {
  schedule: BetaScheduleName;
  T: number;
  N: number;
  spacing: TimestepSpacing;
  offset: number;
  k: number;
  eta: number;
}

/** The widget's parameter behind each field of a setting. */
export const PARAM_OF_FIELD: Record<StepSettingField, keyof StepReaderValues> = {
  betaSchedule: 'schedule',
  numTrainTimesteps: 'T',
  numInferenceSteps: 'N',
  timestepSpacing: 'spacing',
  stepsOffset: 'offset',
  stepIndex: 'k',
  eta: 'eta',
};

/**
 * The setting the claim is evaluated at: what it fixes applied (see withNeeds), and the step and
 * η it does not read set to harmless values, so that they cannot make the reader's setting invalid.
 */
export function settingFor(v: StepReaderValues, { reads, needs }: StepClaimMeta): StepSetting {
  const s = withNeeds(
    { betaSchedule: v.schedule, numTrainTimesteps: v.T, numInferenceSteps: v.N, timestepSpacing: v.spacing, stepsOffset: v.offset, stepIndex: v.k, eta: v.eta },
    needs,
  );
  if (!reads.includes('stepIndex') && !needs.lastStep) s.stepIndex = 0;
  if (!reads.includes('eta') && needs.eta === undefined) s.eta = 0;
  return s;
}

/** The first rule the reader's values break for this claim, or null. */
export function readerProblem(v: StepReaderValues, meta: StepClaimMeta): SettingProblem | null {
  return stepSettingProblem(settingFor(v, meta));
}
