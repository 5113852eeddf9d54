/** Parameters of the Table 1 analogue. */
import { defineParams } from '../params.ts';
import { datasetSpec, denoiserSpec, seedSpec } from '../lab/common-params.ts';

export const labTable1Params = defineParams({
  dataset: datasetSpec,
  denoiser: denoiserSpec,
  n: { type: 'int', label: 'lab.param.n', min: 100, max: 5000, default: 1000, step: 100 },
  seed: seedSpec,
});
