/**
 * The mutation machinery on claims made up for the test: a mutant that changes the value is killed,
 * a mutant that is the same expression rewritten survives (and would fail `npm test`), a mutant
 * replaces the line it names, and an erratum's formula counts as a killed mutant.
 */
import { describe, expect, it } from 'vitest';
import { erratum, identity, inequality } from '../../../src/core/claims/helpers.ts';
import { evaluateMutants, mutate, mutationScores, needsMutants, routeOf } from '../../../src/core/claims/mutation.ts';
import type { IdentityClaim, Situation } from '../../../src/core/claims/types.ts';

const base = { chapter: 'errata' as const, uses: { n: false, eta: false } };
const setup = (s: Situation) => ({ a: s.alpha[s.t], b: s.alpha[s.t - 1] });

describe('evaluateMutants()', () => {
  it('kills a slip that changes the value (α_t for α_{t−1}) and lets a mere rewriting survive', () => {
    const claim = identity({
      ...base,
      id: 'test.mut',
      setup,
      sides: [(p) => p.a * p.b, (p) => p.b * p.a],
      mutants: [
        { slip: 'α_t for α_{t−1}', value: (p) => p.a * p.a },
        { slip: 'not a slip: the same product', value: (p) => p.a * p.b },
      ],
    });
    const [slip, same] = evaluateMutants(claim);
    expect(slip.killed).toBe(true);
    expect(slip.residual).toBeGreaterThan(1e-12);
    expect(same.killed).toBe(false);
    expect(same.residual).toBeLessThanOrEqual(1e-12);
    expect(mutationScores([slip, same])).toEqual([{ chapter: 'errata', killed: 1, mutants: 2 }]);
  });
  it('replaces the line the mutant names (default: the last line)', () => {
    const claim = identity({ ...base, id: 'test.line', setup, sides: [(p) => p.a, (p) => p.a, (p) => p.a], mutants: [{ slip: 'x', line: 1, value: (p) => p.b }] }) as IdentityClaim;
    const m = mutate(claim, claim.mutants![0]) as IdentityClaim;
    const p = { a: 0.5, b: 0.7 };
    expect(m.sides.map((f) => f(p))).toEqual([0.5, 0.7, 0.5]);
    expect(() => mutate(claim, { slip: 'y', line: 3, value: () => 0 })).toThrow(/replaces line 3/);
  });
  it('mutates either side of an inequality', () => {
    const claim = inequality({ ...base, id: 'test.ineq', setup, lhs: (p) => p.a, rhs: (p) => p.b, mutants: [{ slip: 'swapped', line: 0, value: (p) => p.b + 1 }] });
    expect(evaluateMutants(claim)[0].killed).toBe(true);
  });
  it('counts an erratum’s formula as a mutant of its correction', () => {
    const e = erratum({ ...base, id: 'test.err', setup, threshold: 1e-3, example: { schedule: 'linear', T: 10, t: 5, n: 1, eta: 0 }, reference: (p) => p.a, wrong: (p) => p.b, corrected: (p) => p.a });
    expect(evaluateMutants(e)).toMatchObject([{ claim: 'test.err', slip: 'the notes’ formula', killed: true }]);
  });
  it('asks checks for mutants, but not definitions', () => {
    const check = identity({ ...base, id: 'test.c', setup, sides: [(p) => p.a, (p) => p.a] });
    const definition = identity({ ...base, id: 'test.d', route: 'definition', setup, sides: [(p) => p.a, (p) => p.a] });
    expect([routeOf(check), needsMutants(check)]).toEqual(['check', true]);
    expect([routeOf(definition), needsMutants(definition)]).toEqual(['definition', false]);
  });
});
