/**
 * Parameters of the Lemma 1 check: x_0, τ (a generated kind with S steps, or any list of timesteps
 * typed by hand), η (beyond 1 where the variance allows), the formula (the paper's, or the source
 * notes' with a switch per erratum), chains, seed.
 */
import { TAU_CHOICES, TAU_KINDS } from '../../core/sampling/tau.ts';
import { defineParams } from '../params.ts';
import { LAB_T, formulaSpec, notesEtaSpec, notesJumpSpec, notesNoiseSpec, seedSpec } from '../lab/common-params.ts';

export const labLemmaParams = defineParams({
  x0x: { type: 'float', label: 'lab.lemma.x0x', min: -1, max: 1, default: 0.6, step: 0.05 },
  x0y: { type: 'float', label: 'lab.lemma.x0y', min: -1, max: 1, default: -0.3, step: 0.05 },
  tau: { type: 'enum', label: 'lab.lemma.tau', choices: TAU_CHOICES, default: 'quadratic', choiceLabels: { custom: 'lab.lemma.tauCustom' } },
  // S only makes a generated τ; a typed τ has as many steps as it lists.
  steps: { type: 'int', label: 'lab.param.steps', min: 1, max: 1000, default: 10, shownWhen: { param: 'tau', in: TAU_KINDS } },
  customTau: { type: 'timesteps', label: 'lab.lemma.customTau', T: LAB_T, default: [999, 700, 500, 120, 3], shownWhen: { param: 'tau', in: ['custom'] } },
  eta: { type: 'float', label: 'lab.lemma.eta', min: 0, max: 4, default: 0.5, step: 0.05 },
  formula: formulaSpec,
  notesNoise: notesNoiseSpec,
  notesEta: notesEtaSpec,
  notesJump: notesJumpSpec,
  chains: { type: 'int', label: 'lab.lemma.chains', min: 100, max: 20000, default: 4000, step: 100 },
  seed: seedSpec,
});
