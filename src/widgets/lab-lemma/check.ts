/**
 * Cross-check of the Lemma 1 widget: η must keep 1 − α_{τ_{i−1}} − σ_{τ_i}(η)² ≥ 0 at every step of τ.
 * Only for the paper's formula: with the source notes' formulas a step without a real value is part
 * of what the widget shows (it names the step and stops the chains before it).
 */
import { maxEtaAlong } from '../../core/sampling/lab-config.ts';
import type { Constraint } from '../params.ts';
import type { labLemmaParams } from './params.ts';
import { lemmaTau } from './tau.ts';

export const lemmaCheck: Constraint<typeof labLemmaParams> = (v) => {
  if (v.formula === 'notes') return null;
  const tau = lemmaTau(v);
  const max = maxEtaAlong(tau);
  if (v.eta <= max.eta) return null;
  return {
    param: 'eta',
    message: 'lab.lemma.etaTooLarge',
    vars: { eta: v.eta, t: max.timestep, prev: max.prevTimestep, max: Math.floor(max.eta * 1000) / 1000 },
  };
};
