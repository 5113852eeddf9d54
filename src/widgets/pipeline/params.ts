/** Parameters of the DDIMPipeline widget (chapter "diffusers' DDIMPipeline, line by line"). */
import { DATASETS } from '../../core/data/datasets.ts';
import { TIMESTEP_SPACINGS } from '../../core/scheduler/timesteps.ts';
import { defineParams, type Constraint } from '../params.ts';
import { pipelineSetupError } from './setup-check.ts';

export const PIPELINE_MAX_BATCH = 256;

export const pipelineParams = defineParams({
  dataset: {
    type: 'enum',
    label: 'lab.param.dataset',
    choices: DATASETS,
    default: 'moons',
    choiceLabels: { ring: 'lab.data.ring', moons: 'lab.data.moons', swissroll: 'lab.data.swissroll', checkerboard: 'lab.data.checkerboard', circles: 'lab.data.circles', glyph: 'lab.data.glyph' },
  },
  scale: { type: 'float', label: 'pipe.param.scale', min: 0.5, max: 2, default: 1, step: 0.05 },
  denoiser: {
    type: 'enum',
    label: 'pipe.param.denoiser',
    choices: ['exact', 'empirical'] as const,
    default: 'exact',
    choiceLabels: { exact: 'lab.denoiser.exact', empirical: 'lab.denoiser.empirical' },
  },
  source: {
    type: 'enum',
    label: 'pipe.param.source',
    choices: ['ddim', 'ddpm'] as const,
    default: 'ddpm',
    choiceLabels: { ddim: 'pipe.source.ddim', ddpm: 'pipe.source.ddpm' },
  },
  spacing: { type: 'enum', label: 'sched.insp.param.spacing', choices: TIMESTEP_SPACINGS, default: 'leading' },
  offset: { type: 'int', label: 'pipe.param.offset', min: 0, max: 10, default: 0 },
  steps: { type: 'int', label: 'pipe.param.steps', min: 1, max: 1000, default: 50, sliderMax: 200 },
  eta: { type: 'float', label: 'pipe.param.eta', min: 0, max: 1, default: 0, step: 0.05 },
  clip: { type: 'bool', label: 'pipe.param.clip', default: true },
  batch: { type: 'int', label: 'pipe.param.batch', min: 1, max: PIPELINE_MAX_BATCH, default: 64 },
  generators: {
    type: 'enum',
    label: 'pipe.param.generators',
    choices: ['one', 'perItem'] as const,
    default: 'one',
    choiceLabels: { one: 'pipe.gen.one', perItem: 'pipe.gen.perItem' },
  },
  seed: { type: 'int', label: 'lab.param.seed', min: 0, max: 4294967295, default: 1 },
  output: {
    type: 'enum',
    label: 'pipe.param.output',
    choices: ['pil', 'np'] as const,
    default: 'pil',
    choiceLabels: { pil: 'pipe.output.pil', np: 'pipe.output.np' },
  },
});

/**
 * Settings the scheduler refuses before any sampling (set_timesteps with this η): the message sits
 * under the field it names and the previous result stays.
 */
export const pipelineConstraints: Constraint<typeof pipelineParams>[] = [(v) => pipelineSetupError(v)];
