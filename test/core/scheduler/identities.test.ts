/**
 * Each equality displayed in the walkthrough chapter holds on random draws (both sides evaluated
 * by src/core/scheduler/identities.ts), and a deliberately wrong right-hand side is caught.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/core/rng.ts';
import { STEP_IDENTITIES } from '../../../src/core/scheduler/identities.ts';

const DRAWS = 60;

function worst(lhs: number[], rhs: number[], tol: { rel: number; abs: number }): number {
  expect(lhs.length).toBe(rhs.length);
  let ratio = 0;
  lhs.forEach((l, i) => {
    const allowed = tol.abs + tol.rel * Math.abs(rhs[i]);
    const err = Math.abs(l - rhs[i]);
    ratio = Math.max(ratio, allowed === 0 ? (err === 0 ? 0 : Infinity) : err / allowed);
  });
  return ratio;
}

describe('walkthrough identities', () => {
  it('have unique ids', () => {
    const ids = STEP_IDENTITIES.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
  for (const claim of STEP_IDENTITIES) {
    it(`${claim.id} holds on ${DRAWS} random draws`, () => {
      const rng = mulberry32(claim.id.length * 7919);
      for (let d = 0; d < DRAWS; d++) {
        const { lhs, rhs } = claim.evaluate(rng);
        expect(lhs.every(Number.isFinite) && rhs.every(Number.isFinite)).toBe(true);
        expect(worst(lhs, rhs, claim.tolerance), `${claim.id}, draw ${d}: lhs ${lhs.slice(0, 4)} rhs ${rhs.slice(0, 4)}`).toBeLessThanOrEqual(1);
      }
    });
    it(`${claim.id} is not vacuous: a perturbed right-hand side fails`, () => {
      const rng = mulberry32(claim.id.length * 104729);
      const { lhs, rhs } = claim.evaluate(rng);
      const bent = rhs.map((v) => v + 1e-3 * (1 + Math.abs(v)));
      expect(worst(lhs, bent, claim.tolerance)).toBeGreaterThan(1);
    });
  }
});
