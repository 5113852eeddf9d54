/**
 * Checking a solution's key equation the way the chapters check their claims: evaluate both
 * sides at many random valid parameter draws (seeded) and report the largest residual.
 *
 * Residual: |lhs − rhs| / max(|lhs|, |rhs|, floor), or the plain |lhs − rhs| when that scale is
 * below 1e-8 (a relative error means nothing near zero). The floor is the size of the terms a side
 * sums when they can cancel to a much smaller result (the claims' `floor`, src/core/claims/types.ts);
 * without it the scale is the sides' own size. Pass when the residual is ≤ 1e-12, the claims'
 * tolerance: a check cannot loosen it.
 */
import { mulberry32 } from '../core/rng.ts';
import type { ExerciseLogic, SolutionCheck } from './types.ts';

export const DEFAULT_DRAWS = 1000;
export const DEFAULT_CHECK_TOL = 1e-12;

export function residual(lhs: number, rhs: number, floor = 0): number {
  if (Number.isNaN(lhs) || Number.isNaN(rhs)) return NaN;
  if (lhs === rhs) return 0;
  const scale = Math.max(Math.abs(lhs), Math.abs(rhs), floor);
  const diff = Math.abs(lhs - rhs);
  return scale < 1e-8 ? diff : diff / scale;
}

export interface CheckResult {
  id: string;
  draws: number;
  maxResidual: number;
  tol: number;
  pass: boolean;
  /** The draw with the largest residual (for error messages). */
  worst: Record<string, number>;
}

export function runCheck(check: SolutionCheck, { draws = DEFAULT_DRAWS, seed = 20210101 } = {}): CheckResult {
  const rng = mulberry32(seed);
  let maxResidual = 0;
  let worst: Record<string, number> = {};
  for (let i = 0; i < draws; i++) {
    const v = check.sample(rng);
    const r = residual(check.lhs(v), check.rhs(v), check.floor?.(v));
    if (!(r <= maxResidual)) {
      maxResidual = r;
      worst = v;
    }
  }
  const tol = DEFAULT_CHECK_TOL;
  return { id: check.id, draws, maxResidual, tol, pass: maxResidual <= tol, worst };
}

const cache = new Map<string, Map<string, CheckResult>>();

/** Every check of an exercise, keyed by id (memoised per exercise for the default options). */
export function runExerciseChecks(exercise: ExerciseLogic, options?: { draws?: number; seed?: number }): Map<string, CheckResult> {
  if (options) return new Map(exercise.checks.map((c) => [c.id, runCheck(c, options)]));
  if (!cache.has(exercise.id)) cache.set(exercise.id, new Map(exercise.checks.map((c) => [c.id, runCheck(c)])));
  return cache.get(exercise.id)!;
}
