/**
 * The worked counterexample of each erratum, formatted for the prose of the errata chapter:
 * computed at build time from the registry (src/core/claims/errata.ts).
 */
import { exampleOf, resultOf } from '../claims/results.ts';
import { formatNumber } from '../../i18n/format.ts';
import type { Value } from '../../core/claims/types.ts';
import { sigmaEta } from '../../core/ddim/sigma.ts';
import { scheduleAlphas } from './schedules.ts';

const scalar = (v: Value) => (typeof v === 'number' ? formatNumber(v, 6) : null);

export function errataExample(id: string) {
  const e = exampleOf(id);
  const r = resultOf(id);
  if (r.kind !== 'erratum') throw new Error(`${id} is not an erratum`);
  const { schedule, T, t, n, eta } = e.situation;
  return {
    ...e.situation,
    schedule,
    T,
    t,
    n,
    eta,
    target: t - n,
    wrong: formatNumber(e.wrong, 3),
    corrected: formatNumber(e.corrected, 2),
    reference: scalar(e.values.reference),
    wrongValue: scalar(e.values.wrong),
    correctedValue: scalar(e.values.corrected),
    threshold: formatNumber(r.threshold, 2),
    draws: r.draws,
    above: r.wrong.aboveThreshold,
  };
}

/**
 * Erratum 6's second counterexample: on the last jump of a sampler, the notes' one-step σ_t²
 * (built from α_{t−1}) is larger than 1 − α_{t−n}, so the direction coefficient √(1 − α_{t−n} − σ_t²)
 * of eq. 12 is not real. Default: linear schedule, T = 1000, the last jump of diffusers' 50-step
 * "leading" schedule (training steps 20 → 0, which are t = 21 → 1 in the paper's 1-based t), η = 1.
 * The prose says the value is negative, so the build fails if it is not.
 */
export function notesJumpRoom({ t = 21, n = 20, eta = 1 } = {}) {
  const alpha = scheduleAlphas().linear;
  const sigma2 = sigmaEta(eta, alpha[t], alpha[t - 1]) ** 2;
  const room = 1 - alpha[t - n];
  const radicand = room - sigma2;
  if (!(radicand < 0)) throw new Error(`erratum 6: 1 − α_{t−n} − σ_t² = ${radicand} at t = ${t}, n = ${n} is not negative`);
  return { t, n, eta, target: t - n, sigma2: formatNumber(sigma2, 3), room: formatNumber(room, 3), radicand: formatNumber(radicand, 2) };
}
