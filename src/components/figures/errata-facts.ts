/**
 * The worked counterexample of each erratum, formatted for the prose of the errata chapter:
 * computed at build time from the registry (src/core/claims/errata.ts).
 */
import { exampleOf, resultOf } from '../claims/results.ts';
import { formatNumber } from '../../i18n/format.ts';
import type { Value } from '../../core/claims/types.ts';

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
