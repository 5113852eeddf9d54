import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/core/rng.ts';
import { checkSituation, drawSituation, namedAlphas } from '../../../src/core/claims/situation.ts';

const alpha = Float64Array.from([1, 0.9, 0.7, 0.4]);
const code = (s: Parameters<typeof checkSituation>[0], needs = {}) => checkSituation(s, needs)?.code ?? null;

describe('checkSituation()', () => {
  it('accepts a valid situation', () => {
    expect(code({ alpha, t: 3, n: 2, eta: 1 })).toBeNull();
  });
  it('names the broken rule: α range, α order, t, n, target, η sign, the direction variance', () => {
    expect(code({ alpha: Float64Array.from([1, 1.2]), t: 1, n: 1, eta: 0 })).toBe('alphaRange');
    expect(code({ alpha: Float64Array.from([1, 0.5, 0.6]), t: 1, n: 1, eta: 0 })).toBe('alphaOrder');
    expect(code({ alpha: Float64Array.from([1, 0.5, 0.5]), t: 1, n: 1, eta: 0 })).toBe('alphaOrder');
    expect(code({ alpha, t: 4, n: 1, eta: 0 })).toBe('tRange');
    expect(code({ alpha, t: 2, n: 3, eta: 0 })).toBe('nRange');
    expect(code({ alpha, t: 2, n: 2, eta: 0 }, { targetMin: 1 })).toBe('targetMin');
    expect(code({ alpha, t: 2, n: 1, eta: -0.1 })).toBe('etaNegative');
    expect(code({ alpha, t: 3, n: 1, eta: 50 })).toBe('varianceNegative');
    expect(code({ alpha, t: 3, n: 2, eta: 1.5 }, { etaAtMostOne: true })).toBe('etaAboveOne');
    expect(code({ alpha, t: 3, n: 1, eta: 0 }, { etaPositive: true })).toBe('etaPositive');
  });
  it('checks every single step of a chain when asked (a jump can be fine while a step is not)', () => {
    const s = { alpha: Float64Array.from([1, 0.99, 0.98, 0.2]), t: 3, n: 3, eta: 1.05 };
    expect(code(s)).toBeNull();
    expect(checkSituation(s, { oneStepChain: true })).toMatchObject({ code: 'chainVarianceNegative', vars: { s: 3 } });
  });
});

describe('drawSituation()', () => {
  it('draws valid situations that satisfy the claim’s needs, with η in [0, 1]', () => {
    const rng = mulberry32(7);
    const needs = { targetMin: 2, nMin: 2, etaPositive: true, oneStepChain: true, maxT: 50 };
    for (let i = 0; i < 300; i++) {
      const s = drawSituation(rng, needs);
      expect(checkSituation(s, needs)).toBeNull();
      expect(s.alpha.length - 1).toBeLessThanOrEqual(50);
      expect(s.eta).toBeGreaterThan(0);
      expect(s.eta).toBeLessThanOrEqual(1);
      expect(s.free).toBe(true);
    }
  });
  it('covers the three schedule families and named schedules are cached', () => {
    expect(namedAlphas('linear', 10)).toBe(namedAlphas('linear', 10));
    const rng = mulberry32(3);
    const lengths = new Set(Array.from({ length: 200 }, () => drawSituation(rng).alpha.length));
    expect(lengths.size).toBeGreaterThan(50);
  });
});
