import { describe, expect, it } from 'vitest';
import { checkFormula } from '../../../src/exercises/formula/check.ts';
import { uniform } from '../../../src/core/rng.ts';
import { sigmaEta } from '../../../src/core/ddim/sigma.ts';
import type { FormulaPart } from '../../../src/exercises/types.ts';

// σ_t² as a formula in α_t, α_{t−1}, η (paper eq. 16 squared).
const sigma2: FormulaPart<Record<string, number>> = {
  kind: 'formula',
  id: 'p',
  vars: [
    { name: 'a_t', symbol: 'α_t' },
    { name: 'a_prev', symbol: 'α_{t−1}' },
    { name: 'eta', aliases: ['η'], symbol: 'η' },
  ],
  point(rng) {
    const a_prev = uniform(rng, 0.1, 0.99);
    return { a_prev, a_t: a_prev * uniform(rng, 0.1, 0.95), eta: uniform(rng, 0, 1) };
  },
  reference: (v) => sigmaEta(v.eta, v.a_t, v.a_prev) ** 2,
  answer: 'eta^2*(1-a_prev)/(1-a_t)*(1-a_t/a_prev)',
  mistakes: [{ id: 'etaNotSquared', f: (v) => (v.eta * (1 - v.a_prev) * (1 - v.a_t / v.a_prev)) / (1 - v.a_t) }],
  probes: [{ name: 'eta', special: [0, 1], contrast: 0.5 }],
};

describe('checkFormula', () => {
  it('checkFormula() accepts equivalent forms of the reference', () => {
    expect(checkFormula(sigma2.answer, sigma2, {}).ok).toBe(true);
    expect(checkFormula('η^2 (1 - a_prev)(a_prev - a_t)/((1 - a_t) a_prev)', sigma2, {}).ok).toBe(true);
  });

  it('checkFormula() names the known mistake and where it still agrees ("matches at η = 0 and 1, not at 0.5")', () => {
    const v = checkFormula('eta*(1-a_prev)/(1-a_t)*(1-a_t/a_prev)', sigma2, {});
    expect(v.ok).toBe(false);
    expect(v.mistake).toBe('etaNotSquared');
    expect(v.probe).toEqual({ name: 'eta', symbol: 'η', matches: [0, 1], fails: 0.5 });
    expect(v.counterexample).toBeDefined();
  });

  it('checkFormula() spots a constant factor, a sign, a missing and an extra variable', () => {
    expect(checkFormula('2*eta^2*(1-a_prev)/(1-a_t)*(1-a_t/a_prev)', sigma2, {}).factor).toBeCloseTo(2, 12);
    expect(checkFormula('-eta^2*(1-a_prev)/(1-a_t)*(1-a_t/a_prev)', sigma2, {}).factor).toBeCloseTo(-1, 12);
    const missing = checkFormula('eta^2*(1-a_t)', sigma2, {});
    expect(missing.missing).toEqual(['a_prev']);
    const extra = checkFormula('(1-a_prev)/(1-a_t)*(1-a_t/a_prev)', sigma2, {});
    expect(extra.missing).toEqual(['eta']);
    expect(extra.probe).toMatchObject({ matches: [1], fails: 0.5 });
  });

  it('checkFormula() reports non-finite values and returns parse errors unchanged', () => {
    const v = checkFormula('sqrt(a_t - a_prev)', sigma2, {});
    expect(v.nonFinite?.actual).toBeNaN();
    expect(checkFormula('eta^^2', sigma2, {}).error?.code).toBe('syntax');
  });

  it('checkFormula() gives the same verdict every time (seeded points)', () => {
    const a = checkFormula('eta*(1-a_t)', sigma2, {});
    const b = checkFormula('eta*(1-a_t)', sigma2, {});
    expect(a).toEqual(b);
  });
});
