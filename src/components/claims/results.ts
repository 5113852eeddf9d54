/**
 * Build-time results of the claims, computed once per build and shared by both languages' pages.
 * The numbers come from the same evaluateClaim() the tests run, with the same seeds.
 */
import { getClaim } from '../../core/claims/registry.ts';
import { evaluateClaim, type ClaimResult } from '../../core/claims/evaluate.ts';
import { erratumExample } from '../../core/claims/example.ts';
import type { ErratumClaim } from '../../core/claims/types.ts';

const results = new Map<string, ClaimResult>();

export function resultOf(id: string): ClaimResult {
  let r = results.get(id);
  if (!r) {
    r = evaluateClaim(getClaim(id));
    results.set(id, r);
  }
  return r;
}

const examples = new Map<string, ReturnType<typeof erratumExample>>();

/** The worked counterexample of an erratum (fixed, named situation). */
export function exampleOf(id: string): ReturnType<typeof erratumExample> {
  let e = examples.get(id);
  if (!e) {
    const claim = getClaim(id);
    if (claim.kind !== 'erratum') throw new Error(`exampleOf(${id}): not an erratum`);
    e = erratumExample(claim as ErratumClaim);
    examples.set(id, e);
  }
  return e;
}
