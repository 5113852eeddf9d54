/** Parameters of the DDIM inversion experiment (Table 2 analogue). */
import { defineParams } from '../params.ts';
import { datasetSpec, denoiserSpec, seedSpec } from '../lab/common-params.ts';

export const labInversionParams = defineParams({
  dataset: datasetSpec,
  denoiser: denoiserSpec,
  n: { type: 'int', label: 'lab.param.n', min: 10, max: 5000, default: 500, step: 10 },
  seed: seedSpec,
});
