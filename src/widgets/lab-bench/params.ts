/** Parameters of the speed benchmark (the sizes are the defaults). */
import { defineParams } from '../params.ts';

export const labBenchParams = defineParams({
  n: { type: 'int', label: 'lab.param.n', min: 100, max: 10000, default: 10000, step: 100 },
  steps: { type: 'int', label: 'lab.param.steps', min: 5, max: 50, default: 50 },
});
