/** Parameters of the timestep-spacing visualiser (chapter "diffusers' DDIM step, line by line"). */
import { TIMESTEP_SPACINGS } from '../../core/scheduler/timesteps.ts';
import { defineParams, type Constraint } from '../params.ts';

export const timestepSpacingParams = defineParams({
  spacing: { type: 'enum', label: 'sched.tsv.param.spacing', choices: TIMESTEP_SPACINGS, default: 'linspace' },
  n: { type: 'int', label: 'sched.tsv.param.n', min: 1, max: 1000, default: 10 },
  T: { type: 'int', label: 'sched.tsv.param.T', min: 2, max: 1000, default: 1000 },
  offset: { type: 'int', label: 'sched.tsv.param.offset', min: 0, max: 10, default: 0 },
});

/** N ≤ T (the declared range of N is 1–1000; the real bound depends on T). Shown at the field edited. */
export const timestepSpacingConstraints: Constraint<typeof timestepSpacingParams>[] = [
  (v) => (v.n > v.T ? { message: 'sched.tsv.error.n', vars: { T: v.T, n: v.n }, param: 'n' } : null),
];
