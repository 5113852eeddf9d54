/** Parameters of the identity checks on samples: the n-step jump and η = 1 DDIM against DDPM. */
import { defineParams } from '../params.ts';
import { datasetSpec, seedSpec } from '../lab/common-params.ts';

export const labChecksParams = defineParams({
  dataset: datasetSpec,
  t: { type: 'int', label: 'lab.checks.t', min: 1, max: 999, default: 600 },
  jump: { type: 'int', label: 'lab.checks.jump', min: 1, max: 1000, default: 50 },
  steps: { type: 'int', label: 'lab.param.steps', min: 1, max: 1000, default: 50 },
  n: { type: 'int', label: 'lab.param.n', min: 10, max: 5000, default: 500, step: 10 },
  seed: seedSpec,
});
