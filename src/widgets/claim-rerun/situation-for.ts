/**
 * From the reader's values to the situation a claim is evaluated at, and the rules it must pass.
 * Light (no claim code): the page script uses it to validate before anything heavy loads.
 */
import { checkSituation, namedAlphas, type Violation } from '../../core/claims/situation.ts';
import type { Needs, Situation, Uses } from '../../core/claims/types.ts';
import type { RerunSchedule } from './params.ts';

/** What the page needs to know about a claim to validate the reader's values. */
export interface ClaimMeta {
  needs: Needs;
  uses: Uses;
}

export interface ReaderValues {
  schedule: RerunSchedule;
  T: number;
  alphas: readonly number[];
  t: number;
  n: number;
  eta: number;
}

export type ScheduleProblem = { code: 'alphaRange' | 'alphaOrder'; vars: Record<string, number> };

/** Problems of a typed α list on its own: each α in (0, 1], strictly decreasing (α_0 = 1 before them). */
export function checkAlphaList(alphas: readonly number[]): ScheduleProblem | null {
  for (let k = 1; k <= alphas.length; k++) {
    const a = alphas[k - 1];
    if (!(a > 0 && a <= 1)) return { code: 'alphaRange', vars: { k, value: a } };
    const prev = k === 1 ? 1 : alphas[k - 2];
    if (!(a < prev)) return { code: 'alphaOrder', vars: { k, km1: k - 1, value: a, prev } };
  }
  return null;
}

/** α_0 … α_T for the reader's schedule (a claim about the cosine schedule keeps only T). */
export function alphasFor(v: ReaderValues, uses: Uses): Float64Array {
  const T = v.schedule === 'custom' ? v.alphas.length : v.T;
  if (uses.schedule === 'cosine') return namedAlphas('squaredcos_cap_v2', T);
  if (v.schedule === 'custom') return Float64Array.from([1, ...v.alphas]);
  return namedAlphas(v.schedule, T);
}

/** The situation: n = 1 when the claim makes one step; η fixed when the claim fixes it. */
export function situationFor(v: ReaderValues, { uses }: ClaimMeta): Situation {
  const eta = typeof uses.eta === 'number' ? uses.eta : uses.eta ? v.eta : 0;
  return { alpha: alphasFor(v, uses), t: v.t, n: uses.n ? v.n : 1, eta };
}

/** The first rule the reader's values break for this claim, or null. */
export function readerViolation(v: ReaderValues, meta: ClaimMeta): ScheduleProblem | Violation | null {
  if (v.schedule === 'custom') {
    const problem = checkAlphaList(v.alphas);
    if (problem) return problem;
  }
  return checkSituation(situationFor(v, meta), meta.needs);
}
