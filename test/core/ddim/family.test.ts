import { describe, expect, it } from 'vitest';
import { assertClose } from '../../assert-close.ts';
import { directionVariance, etaStep, familyCoefficients, familyMean, familySample, leftOf } from '../../../src/core/ddim/family.ts';
import { sigmaEta } from '../../../src/core/ddim/sigma.ts';

const step = { alphaT: 0.6, alphaPrev: 0.8, sigma: 0.3 };

describe('familyCoefficients()', () => {
  it('gives k_t, λ_t that match both moments of q_σ(x_{t−1} | x_0)', () => {
    const { k, lambda, variance } = familyCoefficients(step);
    assertClose(k * Math.sqrt(0.6) + lambda, Math.sqrt(0.8), { rel: 1e-15 });
    assertClose(k * k * 0.4 + variance, 0.2, { rel: 1e-14 });
    expect(k).toBeGreaterThan(0);
  });
  it('agrees with the eq. 7 form of the mean', () => {
    const { k, lambda } = familyCoefficients(step);
    const xt = [0.3, -1.2];
    const x0 = [1.5, 0.2];
    assertClose(familyMean(xt, x0, step), xt.map((x, i) => k * x + lambda * x0[i]), { rel: 1e-14 });
  });
  it('familySample() adds σ times the noise to the mean', () => {
    const mean = familyMean([1], [2], step);
    assertClose(familySample([1], [2], step, [0.5]), [mean[0] + 0.15], { rel: 1e-15 });
  });
});

describe('directionVariance()', () => {
  it('returns 1 − α_prev − σ² and rejects σ² beyond 1 − α_prev with a message naming the constraint', () => {
    assertClose(directionVariance(0.8, 0.3), 0.11, { rel: 1e-14 });
    expect(directionVariance(0.75, 0.5)).toBe(0);
    expect(() => directionVariance(0.8, 0.5)).toThrow(/1 − α_prev − σ² = .* < 0/);
  });
});

describe('etaStep()', () => {
  it('carries 1 − α_prev − σ(η)² computed without cancellation, equal to the subtraction where that is accurate', () => {
    for (const eta of [0, 0.3, 1]) {
      const s = etaStep(eta, 0.5, 0.7);
      expect(s.sigma).toBe(sigmaEta(eta, 0.5, 0.7));
      assertClose(leftOf(s), 1 - 0.7 - s.sigma ** 2, { rel: 1e-14 });
    }
  });
  it('stays accurate where the subtraction loses digits (σ² close to 1 − α_prev)', () => {
    // α_t/α_{t−1} tiny: the left-over variance (1 − α_prev)·α_t(1 − α_prev)/(α_prev(1 − α_t)) is ~1e−9 of 1 − α_prev.
    const [a, b] = [1e-10, 0.9];
    const exact = (1 - b) * ((a * (1 - b)) / (b * (1 - a)));
    assertClose(leftOf(etaStep(1, a, b)), exact, { rel: 1e-14 });
    expect(Math.abs(1 - b - etaStep(1, a, b).sigma ** 2 - exact) / exact).toBeGreaterThan(1e-9);
  });
  it('has σ = 0 and nothing left for the direction when α_prev = 1', () => {
    expect(etaStep(0.7, 0.4, 1)).toEqual({ alphaT: 0.4, alphaPrev: 1, sigma: 0, directionVariance: 0 });
  });
});
