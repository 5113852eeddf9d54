/** Parameter specs shared by several lab widgets (each widget still declares its own table). */
import { BETA_SCHEDULES } from '../../core/schedule/betas.ts';
import { PREDICTION_TYPES } from '../../core/nn/prediction.ts';
import { LAB_DATASETS } from './data-source.ts';

export const DENOISERS = ['exact', 'empirical', 'mlp'] as const;
export type DenoiserKind = (typeof DENOISERS)[number];
export const SPACINGS = ['leading', 'trailing', 'linspace'] as const;
export const VARIANCES = ['eta', 'sigmaHat'] as const;

/** Most points a widget samples at once: enough for smooth plots, small enough never to freeze a phone for long. */
export const MAX_POINTS = 20000;
/** T of the lab's schedules (and of diffusers' default config). */
export const LAB_T = 1000;

export const datasetSpec = {
  type: 'enum',
  label: 'lab.param.dataset',
  choices: LAB_DATASETS,
  default: 'moons',
  choiceLabels: { ring: 'lab.data.ring', moons: 'lab.data.moons', swissroll: 'lab.data.swissroll', checkerboard: 'lab.data.checkerboard', circles: 'lab.data.circles', glyph: 'lab.data.glyph', custom: 'lab.data.custom' },
} as const;

export const denoiserSpec = {
  type: 'enum',
  label: 'lab.param.denoiser',
  choices: DENOISERS,
  default: 'exact',
  choiceLabels: { exact: 'lab.denoiser.exact', empirical: 'lab.denoiser.empirical', mlp: 'lab.denoiser.mlp' },
} as const;

export const stepsSpec = { type: 'int', label: 'lab.param.steps', min: 1, max: LAB_T, default: 20 } as const;
export const etaSpec = { type: 'float', label: 'lab.param.eta', min: 0, max: 1, default: 0, step: 0.05 } as const;
export const varianceSpec = {
  type: 'enum',
  label: 'lab.param.variance',
  choices: VARIANCES,
  default: 'eta',
  choiceLabels: { eta: 'lab.variance.eta', sigmaHat: 'lab.variance.sigmaHat' },
} as const;
export const scheduleSpec = {
  type: 'enum',
  label: 'lab.param.schedule',
  choices: BETA_SCHEDULES,
  default: 'linear',
  choiceLabels: { linear: 'schedule.linear', scaled_linear: 'schedule.scaled_linear', squaredcos_cap_v2: 'schedule.squaredcos_cap_v2' },
} as const;
export const spacingSpec = { type: 'enum', label: 'lab.param.spacing', choices: SPACINGS, default: 'leading' } as const;
export const predictionSpec = { type: 'enum', label: 'lab.param.prediction', choices: PREDICTION_TYPES, default: 'epsilon' } as const;
export const pointsSpec = { type: 'int', label: 'lab.param.n', min: 10, max: MAX_POINTS, default: 2000, step: 10 } as const;
export const seedSpec = { type: 'int', label: 'lab.param.seed', min: 0, max: 4294967295, default: 1 } as const;

/**
 * "Formula: the paper / the source notes", and one switch per erratum of the notes (errata items
 * 1, 2 and 6; src/core/ddim/notes-formulas.ts). The switches show only with the notes' formula and
 * start on, which is the notes as written; each can be switched off to see the others alone.
 */
export const FORMULAS = ['paper', 'notes'] as const;
export const formulaSpec = { type: 'enum', label: 'lab.formula.param', choices: FORMULAS, default: 'paper', choiceLabels: { paper: 'lab.formula.paper', notes: 'lab.formula.notes' } } as const;
const notesOnly = { param: 'formula', in: ['notes'] } as const;
export const notesNoiseSpec = { type: 'bool', label: 'lab.formula.noiseSquared', default: true, shownWhen: notesOnly } as const;
export const notesEtaSpec = { type: 'bool', label: 'lab.formula.etaOnVariance', default: true, shownWhen: notesOnly } as const;
export const notesJumpSpec = { type: 'bool', label: 'lab.formula.oneStepSigma', default: true, shownWhen: notesOnly } as const;
