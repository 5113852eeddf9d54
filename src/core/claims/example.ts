/**
 * A claim at one fixed, named situation: the worked counterexample of an erratum, and the live
 * re-run with the reader's own schedule, t, n and η (or, for claims about diffusers' scheduler, the
 * reader's scheduler setting). Same evaluation code as the random draws.
 */
import { mulberry32, type Rng } from '../rng.ts';
import { namedAlphas } from './situation.ts';
import { evaluateOver, seedOf, type ClaimResult, type EvaluateOptions } from './evaluate.ts';
import type { Claim, ErratumClaim, ExampleSituation, Situation } from './types.ts';
import type { StepSetting } from '../scheduler/step-setting.ts';

export function exampleSituation({ schedule, T, t, n, eta }: ExampleSituation): Situation {
  return { alpha: namedAlphas(schedule, T), t, n, eta };
}

/** Evaluate a claim at one situation (seeded by the claim id and `seed`). */
export function evaluateAt(claim: Claim, situation: Situation, seed = 0, options: EvaluateOptions = {}): ClaimResult {
  return evaluateOver(claim, [situation], mulberry32((seedOf(claim.id) ^ seed) >>> 0), options);
}

/**
 * Evaluate a claim about diffusers' scheduler at one setting (the reader's own), seeded like
 * evaluateAt(). Such a claim does not read the situation, so none is needed.
 */
export function evaluateAtSetting(claim: Claim, setting: StepSetting, seed = 0): ClaimResult {
  const scheduler = claim.scheduler;
  if (!scheduler) throw new Error(`claim ${claim.id} is not parameterised by a scheduler setting`);
  const bound = { ...claim, setup: (_s: Situation, rng: Rng) => scheduler.setupAt(setting, rng) } as Claim;
  const unused: Situation = { alpha: Float64Array.of(1), t: 0, n: 0, eta: setting.eta };
  return evaluateOver(bound, [unused], mulberry32((seedOf(claim.id) ^ seed) >>> 0));
}

/** An erratum's worked counterexample at its example situation. */
export function erratumExample(claim: ErratumClaim) {
  const result = evaluateAt(claim, exampleSituation(claim.example));
  if (result.kind !== 'erratum') throw new Error(`claim ${claim.id} is not an erratum`);
  return { situation: claim.example, wrong: result.wrong.maxResidual, corrected: result.corrected.maxResidual, values: result.values! };
}
