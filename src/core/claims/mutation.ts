/**
 * Mutation testing of the claims: every check must be able to fail. A mutant is a plausible slip of
 * a displayed formula (types.ts, `Mutant`); it replaces one side of its claim and the claim is
 * evaluated through the same engine, same draws and seed as the page badge. The mutant is killed
 * when the claim then fails on at least one draw, and survives when the residual stays under the
 * claim's tolerance on every draw.
 *
 * The errata are mutants already: the notes' formula is a slip of the correction, killed when it is
 * off by more than the erratum's threshold. They count in the score as such.
 */
import { evaluateClaim, type ClaimResult, type EvaluateOptions } from './evaluate.ts';
import type { ChapterSlug, Claim, IdentityClaim, InequalityClaim, Mutant, Route } from './types.ts';

export interface MutantResult {
  claim: string;
  chapter: ChapterSlug;
  slip: string;
  killed: boolean;
  /** The mutated claim's largest residual (identity, inequality) or the notes' formula's (erratum). */
  residual: number;
  tolerance: number;
}

/** The claim's route: 'check' unless it declares itself a definition or true by construction. */
export const routeOf = (claim: Claim): Route => claim.route ?? 'check';

/** Claims that must declare mutants: identities and inequalities that count as checks. */
export const needsMutants = (claim: Claim): claim is IdentityClaim | InequalityClaim =>
  (claim.kind === 'identity' || claim.kind === 'inequality') && routeOf(claim) === 'check';

/** The claim with one side replaced by the mutant (same id, so the same seed and draws). */
export function mutate(claim: IdentityClaim | InequalityClaim, mutant: Mutant<any>): Claim {
  if (claim.kind === 'identity') {
    const line = mutant.line ?? claim.sides.length - 1;
    if (!(line >= 0 && line < claim.sides.length)) throw new RangeError(`claim ${claim.id}: mutant "${mutant.slip}" replaces line ${line} of ${claim.sides.length}`);
    return { ...claim, sides: claim.sides.map((side, k) => (k === line ? mutant.value : side)), mutants: [] };
  }
  const line = mutant.line ?? 1;
  const value = (p: unknown) => mutant.value(p) as number;
  return line === 0 ? { ...claim, lhs: value, mutants: [] } : { ...claim, rhs: value, mutants: [] };
}

function residualOf(r: ClaimResult): number {
  if (r.kind === 'identity' || r.kind === 'inequality') return r.maxResidual;
  if (r.kind === 'erratum') return r.wrong.maxResidual;
  return r.maxZ;
}

/** Every mutant of a claim (and, for an erratum, the notes' formula), evaluated. */
export function evaluateMutants(claim: Claim, options: EvaluateOptions = {}): MutantResult[] {
  if (claim.kind === 'erratum') {
    const r = evaluateClaim(claim, options);
    if (r.kind !== 'erratum') throw new Error(`claim ${claim.id}: expected an erratum result`);
    return [{ claim: claim.id, chapter: claim.chapter, slip: 'the notes’ formula', killed: r.wrong.maxResidual > claim.threshold, residual: r.wrong.maxResidual, tolerance: claim.threshold }];
  }
  if (claim.kind !== 'identity' && claim.kind !== 'inequality') return [];
  return (claim.mutants ?? []).map((m) => {
    const r = evaluateClaim(mutate(claim, m), options);
    return { claim: claim.id, chapter: claim.chapter, slip: m.slip, killed: !r.pass, residual: residualOf(r), tolerance: 'tolerance' in r ? r.tolerance : 0 };
  });
}

export interface MutationScore {
  chapter: ChapterSlug;
  killed: number;
  mutants: number;
}

/** Mutants killed / mutants, per chapter, in the order the chapters first appear. */
export function mutationScores(results: readonly MutantResult[]): MutationScore[] {
  const by = new Map<ChapterSlug, MutationScore>();
  for (const r of results) {
    const s = by.get(r.chapter) ?? { chapter: r.chapter, killed: 0, mutants: 0 };
    s.mutants++;
    if (r.killed) s.killed++;
    by.set(r.chapter, s);
  }
  return [...by.values()];
}
