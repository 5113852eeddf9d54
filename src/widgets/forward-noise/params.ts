/** Parameters of the forward-process widget (chapter "Notation and the forward process"). */
import { BETA_SCHEDULES } from '../../core/schedule/betas.ts';
import { defineParams } from '../params.ts';

export const forwardNoiseParams = defineParams({
  schedule: {
    type: 'enum',
    label: 'fwd.param.schedule',
    choices: BETA_SCHEDULES,
    default: 'linear',
    choiceLabels: { linear: 'schedule.linear', scaled_linear: 'schedule.scaled_linear', squaredcos_cap_v2: 'schedule.squaredcos_cap_v2' },
  },
  t: { type: 'int', label: 'fwd.param.t', min: 0, max: 1000, default: 250 },
  n: { type: 'int', label: 'fwd.param.n', min: 10, max: 20000, default: 2000, step: 10 },
  seed: { type: 'int', label: 'fwd.param.seed', min: 0, max: 4294967295, default: 1 },
});
