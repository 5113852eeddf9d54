/**
 * Parameters of the live re-run of a claim about diffusers' scheduler (chapter "diffusers' DDIM
 * step"): which claim, then the scheduler's own settings (β schedule, T, N, spacing, steps_offset,
 * which step, η) and the seed of the random vectors. Defaults are the step inspector's.
 */
import type { UiKey } from '../../i18n/index.ts';
import { BETA_SCHEDULES } from '../../core/schedule/betas.ts';
import { STEP_SETTING_RANGES } from '../../core/scheduler/step-setting.ts';
import { TIMESTEP_SPACINGS } from '../../core/scheduler/timesteps.ts';
import { defineParams } from '../params.ts';

export function stepRerunParams(claimIds: readonly string[]) {
  if (claimIds.length === 0) throw new Error('stepRerunParams: no claims');
  const { minT, maxT, maxEta } = STEP_SETTING_RANGES;
  return defineParams({
    claim: {
      type: 'enum',
      label: 'rerun.param.claim',
      choices: claimIds,
      default: claimIds[0],
      choiceLabels: Object.fromEntries(claimIds.map((id) => [id, `claimTitle.${id}` as UiKey])),
    },
    schedule: {
      type: 'enum',
      label: 'sched.insp.param.schedule',
      choices: BETA_SCHEDULES,
      default: 'linear',
      choiceLabels: { linear: 'schedule.linear', scaled_linear: 'schedule.scaled_linear', squaredcos_cap_v2: 'schedule.squaredcos_cap_v2' },
    },
    T: { type: 'int', label: 'sched.tsv.param.T', min: minT, max: maxT, default: 1000 },
    N: { type: 'int', label: 'sched.insp.param.n', min: 1, max: maxT, default: 10 },
    spacing: { type: 'enum', label: 'sched.insp.param.spacing', choices: TIMESTEP_SPACINGS, default: 'leading' },
    offset: { type: 'int', label: 'sched.tsv.param.offset', min: 0, max: maxT, default: 0 },
    k: { type: 'int', label: 'sched.insp.param.k', min: 0, max: maxT, default: 5 },
    eta: { type: 'float', label: 'rerun.param.eta', min: 0, max: maxEta, default: 0.5, step: 0.01 },
    seed: { type: 'int', label: 'steprerun.param.seed', min: 0, max: 4294967295, default: 1 },
  });
}

export type StepRerunTable = ReturnType<typeof stepRerunParams>;
