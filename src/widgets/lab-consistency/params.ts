/** Parameters of the consistency experiment: one x_T, several S, η = 0. */
import { defineParams } from '../params.ts';
import { datasetSpec, denoiserSpec, seedSpec } from '../lab/common-params.ts';

export const labConsistencyParams = defineParams({
  dataset: datasetSpec,
  denoiser: denoiserSpec,
  n: { type: 'int', label: 'lab.param.n', min: 10, max: 2000, default: 150, step: 10 },
  seed: seedSpec,
});
