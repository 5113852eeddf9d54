/** From a lab widget's formula parameters to the switches of src/core/ddim/notes-formulas.ts. */
import { NOTES_ERRATUM, NOTES_FLAGS, type NoRealValue, type NotesFormulas } from '../../core/ddim/notes-formulas.ts';
import { formatNumber } from '../../i18n/format.ts';
import type { Lookup as Tr } from '../param-messages.ts';

export interface FormulaValues {
  formula: 'paper' | 'notes';
  notesNoise: boolean;
  notesEta: boolean;
  notesJump: boolean;
}

/** The notes' switches chosen, or null for the paper's formula. */
export function formulasOf(v: FormulaValues): Required<NotesFormulas> | null {
  if (v.formula === 'paper') return null;
  return { noiseSquared: v.notesNoise, etaOnVariance: v.notesEta, oneStepSigma: v.notesJump };
}

/** "Formula: the source notes', with errata 1, 6 switched on." (nothing for the paper's formula). */
export function formulaSentence(formulas: NotesFormulas | null, tr: Tr): string {
  if (!formulas) return '';
  const on = NOTES_FLAGS.filter((k) => formulas[k]).map((k) => NOTES_ERRATUM[k]);
  if (on.length === 0) return tr('lab.formula.usingNone');
  return tr(on.length === 1 ? 'lab.formula.usingOne' : 'lab.formula.using', { list: on.join(tr('lab.formula.listSeparator')) });
}

/** The message for a step with no real value, naming it. */
export function noRealValueMessage(bad: NoRealValue, tr: Tr): string {
  return tr('lab.formula.noRealValue', {
    t: bad.timestep,
    prev: bad.prevTimestep,
    radicand: formatNumber(bad.radicand, 3),
    room: formatNumber(bad.room, 3),
    sigma2: formatNumber(bad.sigma2, 3),
  });
}
