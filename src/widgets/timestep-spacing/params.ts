/** Parameters of the timestep-spacing visualiser (chapter "diffusers' DDIM step, line by line"). */
import { TIMESTEP_SPACINGS } from '../../core/scheduler/timesteps.ts';
import { defineParams } from '../params.ts';

export const timestepSpacingParams = defineParams({
  spacing: { type: 'enum', label: 'sched.tsv.param.spacing', choices: TIMESTEP_SPACINGS, default: 'linspace' },
  n: { type: 'int', label: 'sched.tsv.param.n', min: 1, max: 1000, default: 10 },
  T: { type: 'int', label: 'sched.tsv.param.T', min: 2, max: 1000, default: 1000 },
  offset: { type: 'int', label: 'sched.tsv.param.offset', min: 0, max: 10, default: 0 },
});
