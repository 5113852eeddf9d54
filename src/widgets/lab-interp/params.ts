/** Parameters of the interpolation experiment: slerp (and, for contrast, lerp) between pairs of x_T. */
import { defineParams } from '../params.ts';
import { datasetSpec, denoiserSpec, seedSpec, stepsSpec } from '../lab/common-params.ts';

export const labInterpParams = defineParams({
  dataset: datasetSpec,
  denoiser: denoiserSpec,
  steps: { ...stepsSpec, default: 50 },
  pairs: { type: 'int', label: 'lab.interp.pairs', min: 1, max: 12, default: 4 },
  frames: { type: 'int', label: 'lab.interp.frames', min: 3, max: 101, default: 41 },
  seed: seedSpec,
});
