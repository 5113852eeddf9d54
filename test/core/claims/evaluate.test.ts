/**
 * The engine itself, on claims made up for the test: a true identity passes, a false one fails,
 * an erratum whose "wrong" formula is in fact right is reported as a broken erratum, and so on.
 * (A check that cannot fail is a defect.)
 */
import { describe, expect, it } from 'vitest';
import { evaluateClaim, seedOf, type ClaimResult } from '../../../src/core/claims/evaluate.ts';
import { distribution, erratum, gauss, identity, inequality } from '../../../src/core/claims/helpers.ts';
import type { Situation } from '../../../src/core/claims/types.ts';

/** Fails (never skips) when the result is not of the expected kind; narrows its type. */
function expectKind<K extends ClaimResult['kind']>(r: ClaimResult, kind: K): asserts r is Extract<ClaimResult, { kind: K }> {
  expect(r.kind).toBe(kind);
}

const base = { chapter: 'errata' as const, uses: { n: false, eta: false } };
const setup = (s: Situation) => ({ a: s.alpha[s.t], b: s.alpha[s.t - 1] });

describe('evaluateClaim()', () => {
  it('passes a true identity with float64-sized residuals over 1,000 draws', () => {
    const r = evaluateClaim(identity({ ...base, id: 'test.true', setup, sides: [(p) => (p.a + p.b) ** 2, (p) => p.a * p.a + 2 * p.a * p.b + p.b * p.b] }));
    expectKind(r, 'identity');
    expect(r.pass).toBe(true);
    expect(r.draws).toBe(1000);
    expect(r.maxResidual).toBeLessThan(1e-14);
  });
  it('fails a false identity and reports which line is off', () => {
    const r = evaluateClaim(identity({ ...base, id: 'test.false', setup, sides: [(p) => p.a, (p) => p.a, (p) => p.a * 1.001] }));
    expectKind(r, 'identity');
    expect(r.pass).toBe(false);
    expect(r.lines[0]).toBe(0);
    expect(r.lines[1]).toBeGreaterThan(1e-4);
  });
  it('fails an identity that only holds to 1e−10 (the tolerance is 1e−12)', () => {
    const r = evaluateClaim(identity({ ...base, id: 'test.almost', setup, sides: [(p) => p.a, (p) => p.a * (1 + 1e-10)] }));
    expect(r.pass).toBe(false);
  });
  it('checks inequalities', () => {
    expect(evaluateClaim(inequality({ ...base, id: 'test.le', setup, lhs: (p) => p.a, rhs: (p) => p.b })).pass).toBe(true);
    expect(evaluateClaim(inequality({ ...base, id: 'test.ge', setup, lhs: (p) => p.b, rhs: (p) => p.a })).pass).toBe(false);
  });
  it('passes a true distributional claim and fails a false one', () => {
    const mk = (id: string, v: number) =>
      distribution({ ...base, id, setup: (_s, rng) => ({ m: gauss(rng, 2) }), simulate: (p, rng) => Float64Array.from(gauss(rng, 2), (z, i) => p.m[i] + z), target: (p) => ({ mean: p.m, variance: v }) });
    expect(evaluateClaim(mk('test.mc-true', 1)).pass).toBe(true);
    expect(evaluateClaim(mk('test.mc-false', 1.1)).pass).toBe(false);
  });
  it('reports an erratum as broken when the notes’ formula turns out right, or the correction wrong', () => {
    const mk = (id: string, wrong: (p: { a: number; b: number }) => number, corrected: (p: { a: number; b: number }) => number) =>
      erratum({ ...base, id, setup, threshold: 1e-3, example: { schedule: 'linear', T: 10, t: 5, n: 1, eta: 0 }, reference: (p) => p.a * p.b, wrong, corrected });
    expect(evaluateClaim(mk('test.err-ok', (p) => p.a, (p) => p.b * p.a)).pass).toBe(true);
    expect(evaluateClaim(mk('test.err-fixed', (p) => p.b * p.a, (p) => p.a * p.b)).pass).toBe(false);
    expect(evaluateClaim(mk('test.err-badfix', (p) => p.a, (p) => p.a)).pass).toBe(false);
  });
  it('is reproducible: the seed comes from the id', () => {
    const c = identity({ ...base, id: 'test.seed', setup: (_s, rng) => ({ x: rng.next() }), sides: [(p) => p.x, (p) => p.x] });
    expect(evaluateClaim(c)).toEqual(evaluateClaim(c));
    expect(seedOf('a')).not.toBe(seedOf('b'));
  });
});
