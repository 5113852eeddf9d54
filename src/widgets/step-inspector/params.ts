/** Parameters of the DDIM step inspector (chapter "diffusers' DDIM step, line by line"). */
import { BETA_SCHEDULES } from '../../core/schedule/betas.ts';
import { PREDICTION_TYPES } from '../../core/scheduler/config.ts';
import { TIMESTEP_SPACINGS } from '../../core/scheduler/timesteps.ts';
import { defineParams } from '../params.ts';

export const stepInspectorParams = defineParams({
  schedule: {
    type: 'enum',
    label: 'sched.insp.param.schedule',
    choices: BETA_SCHEDULES,
    default: 'linear',
    choiceLabels: { linear: 'schedule.linear', scaled_linear: 'schedule.scaled_linear', squaredcos_cap_v2: 'schedule.squaredcos_cap_v2' },
  },
  rescale: { type: 'bool', label: 'sched.insp.param.rescale', default: false },
  prediction: {
    type: 'enum',
    label: 'sched.insp.param.prediction',
    choices: PREDICTION_TYPES,
    default: 'epsilon',
    choiceLabels: { epsilon: 'sched.pred.epsilon', sample: 'sched.pred.sample', v_prediction: 'sched.pred.v_prediction' },
  },
  spacing: { type: 'enum', label: 'sched.insp.param.spacing', choices: TIMESTEP_SPACINGS, default: 'leading' },
  n: { type: 'int', label: 'sched.insp.param.n', min: 1, max: 1000, default: 10 },
  k: { type: 'int', label: 'sched.insp.param.k', min: 0, max: 1000, default: 5 },
  eta: { type: 'float', label: 'sched.insp.param.eta', min: 0, max: 3, default: 0, step: 0.01 },
  clip: { type: 'bool', label: 'sched.insp.param.clip', default: true },
  clipped: { type: 'bool', label: 'sched.insp.param.clipped', default: false },
  alphaOne: { type: 'bool', label: 'sched.insp.param.alphaOne', default: true },
  threshold: { type: 'bool', label: 'sched.insp.param.threshold', default: false },
  maxValue: { type: 'float', label: 'sched.insp.param.maxValue', min: 0.5, max: 3, default: 1, step: 0.05 },
  error: { type: 'float', label: 'sched.insp.param.error', min: 0, max: 1, default: 0.1, step: 0.01 },
  strict: { type: 'bool', label: 'sched.insp.param.strict', default: true },
  precision: {
    type: 'enum',
    label: 'sched.insp.param.precision',
    choices: ['float32', 'float64'] as const,
    default: 'float32',
    choiceLabels: { float32: 'sched.precision.float32', float64: 'sched.precision.float64' },
  },
});
