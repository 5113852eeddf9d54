/** Parameters of the training widget. */
import { defineParams } from '../params.ts';
import { datasetSpec, predictionSpec, seedSpec } from '../lab/common-params.ts';

export const labTrainParams = defineParams({
  dataset: datasetSpec,
  steps: { type: 'int', label: 'lab.param.trainSteps', min: 10, max: 20000, default: 1000, step: 10 },
  lr: { type: 'float', label: 'lab.param.lr', min: 0.0001, max: 0.01, default: 0.003, step: 0.0001 },
  batch: { type: 'int', label: 'lab.param.batch', min: 16, max: 2048, default: 512, step: 16 },
  prediction: predictionSpec,
  seed: seedSpec,
});
