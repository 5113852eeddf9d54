/** Parameters of the data widget: which distribution to look at (or edit, for "custom"). */
import { defineParams } from '../params.ts';
import { datasetSpec, seedSpec } from '../lab/common-params.ts';

export const labDataParams = defineParams({
  dataset: datasetSpec,
  n: { type: 'int', label: 'lab.param.n', min: 10, max: 5000, default: 1000, step: 10 },
  seed: seedSpec,
});
