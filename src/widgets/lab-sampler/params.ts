/** Parameters of the sampler widget: every control of the DDIM/DDPM sampler, all in the URL. */
import { defineParams } from '../params.ts';
import { datasetSpec, denoiserSpec, etaSpec, formulaSpec, notesEtaSpec, notesJumpSpec, notesNoiseSpec, pointsSpec, predictionSpec, scheduleSpec, seedSpec, spacingSpec, stepsSpec, varianceSpec } from '../lab/common-params.ts';

export const labSamplerParams = defineParams({
  dataset: datasetSpec,
  denoiser: denoiserSpec,
  steps: stepsSpec,
  eta: etaSpec,
  variance: varianceSpec,
  formula: formulaSpec,
  notesNoise: notesNoiseSpec,
  notesEta: notesEtaSpec,
  notesJump: notesJumpSpec,
  schedule: scheduleSpec,
  spacing: spacingSpec,
  prediction: predictionSpec,
  n: pointsSpec,
  seed: seedSpec,
});
