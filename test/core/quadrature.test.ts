import { describe, expect, it } from 'vitest';
import { assertClose } from '../assert-close.ts';
import { expectNormal, gaussHermite } from '../../src/core/quadrature.ts';

describe('gaussHermite()', () => {
  it('reproduces the moments of N(0, 1) up to degree 2K − 1', () => {
    const { nodes, weights } = gaussHermite(6);
    const moment = (k: number) => nodes.reduce((s, x, i) => s + weights[i] * x ** k, 0);
    assertClose([moment(0), moment(1), moment(2), moment(4), moment(6), moment(8), moment(10)], [1, 0, 1, 3, 15, 105, 945], { rel: 1e-12, abs: 1e-13 });
    // Degree 12 > 2K − 1 = 11 is not exact: the rule is not a tautology.
    expect(Math.abs(moment(12) - 10395)).toBeGreaterThan(1);
  });
  it('rejects K outside 1 … 40', () => {
    expect(() => gaussHermite(0)).toThrow(/from 1 to 40/);
  });
});

describe('expectNormal()', () => {
  it('gives E[X] and E[X²] for N(m, v), and f(m) for v = 0', () => {
    assertClose(expectNormal((x) => x, 1.5, 4), 1.5, { rel: 1e-14 });
    assertClose(expectNormal((x) => x * x, 1.5, 4), 1.5 ** 2 + 4, { rel: 1e-14 });
    expect(expectNormal((x) => x * 3, 2, 0)).toBe(6);
  });
});
