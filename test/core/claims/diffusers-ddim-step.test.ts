/**
 * The walkthrough chapter's claims are not vacuous: with the same draws, floors and tolerances, a
 * right-hand side off by one (integer recipes) or by 1e−6 relative (everything else) fails. The
 * floor that divides by the condition number of 1 − ᾱ_t/ᾱ_prev (at most ~2.4·10⁴ in the draws)
 * must not hide such an error.
 */
import { describe, expect, it } from 'vitest';
import { claimsOf } from '../../../src/core/claims/registry.ts';
import { evaluateClaim } from '../../../src/core/claims/evaluate.ts';
import type { IdentityClaim, Value } from '../../../src/core/claims/types.ts';

const claims = claimsOf('diffusers-ddim-step') as IdentityClaim[];

function bent(v: Value, exact: boolean): Value {
  const a = Float64Array.from(typeof v === 'number' ? [v] : v);
  return a.map((x) => (exact ? x + 1 : x * (1 + 1e-6) + 1e-6));
}

describe('diffusers-ddim-step claims', () => {
  it('are 17 identities, each parameterised by a scheduler setting', () => {
    expect(claims.length).toBe(17);
    for (const c of claims) {
      expect(c.kind).toBe('identity');
      expect(c.scheduler?.reads.length, c.id).toBeGreaterThan(0);
    }
  });
  it.each(claims.map((c) => [c.id, c] as const))('%s fails when its right side is perturbed', (_id, c) => {
    const exact = c.tolerance === 0;
    const wrong: IdentityClaim = { ...c, sides: [c.sides[0], (p) => bent(c.sides[1](p), exact)] };
    const r = evaluateClaim(wrong, { draws: 200 });
    expect(r.pass).toBe(false);
  });
});
