import { describe, expect, it } from 'vitest';
import { ddimSigma, ddimSigmaHat, maxEta } from '../../../src/core/ddim/sigma.ts';
import { ddpmPosterior } from '../../../src/core/ddim/ddpm.ts';
import { mulberry32, uniform } from '../../../src/core/rng.ts';
import { assertClose } from '../../assert-close.ts';

/** A valid pair 0 < α_t < α_{t−1} ≤ 1. */
function pair(rng: ReturnType<typeof mulberry32>) {
  const alphaPrev = uniform(rng, 0.05, 1);
  return { alphaPrev, alphaT: alphaPrev * uniform(rng, 0.05, 0.999) };
}

describe('ddimSigma', () => {
  it('ddimSigma() is 0 at η = 0 and equals √β̃_t (DDPM posterior std) at η = 1', () => {
    const rng = mulberry32(1);
    for (let i = 0; i < 1000; i++) {
      const { alphaT, alphaPrev } = pair(rng);
      expect(ddimSigma(alphaT, alphaPrev, 0)).toBe(0);
      assertClose(ddimSigma(alphaT, alphaPrev, 1) ** 2, ddpmPosterior(alphaT, alphaPrev).variance, { rel: 1e-12 });
    }
  });

  it('ddimSigma() is linear in η', () => {
    assertClose(ddimSigma(0.3, 0.5, 0.5) * 2, ddimSigma(0.3, 0.5, 1), { rel: 1e-15 });
  });

  it('ddimSigmaHat() is √β_t and at least σ_t(1)', () => {
    const rng = mulberry32(2);
    for (let i = 0; i < 1000; i++) {
      const { alphaT, alphaPrev } = pair(rng);
      assertClose(ddimSigmaHat(alphaT, alphaPrev) ** 2, ddpmPosterior(alphaT, alphaPrev).beta, { rel: 1e-12 });
      expect(ddimSigmaHat(alphaT, alphaPrev)).toBeGreaterThanOrEqual(ddimSigma(alphaT, alphaPrev, 1));
    }
  });

  it('maxEta() makes 1 − α_{t−1} − σ² vanish and is ≥ 1', () => {
    const rng = mulberry32(3);
    for (let i = 0; i < 1000; i++) {
      const { alphaT, alphaPrev } = pair(rng);
      const eta = maxEta(alphaT, alphaPrev);
      expect(eta).toBeGreaterThanOrEqual(1);
      assertClose(1 - alphaPrev - ddimSigma(alphaT, alphaPrev, eta) ** 2, 0, { abs: 1e-12 });
    }
  });

  it('rejects α outside (0, 1], increasing α and negative η, naming the argument', () => {
    expect(() => ddimSigma(0, 0.5, 1)).toThrow(/alphaT must be in \(0, 1\]/);
    expect(() => ddimSigma(0.5, 1.2, 1)).toThrow(/alphaPrev must be in \(0, 1\]/);
    expect(() => ddimSigma(0.6, 0.5, 1)).toThrow(/alphaT must be ≤ alphaPrev/);
    expect(() => ddimSigma(0.4, 0.5, -0.1)).toThrow(/eta must be ≥ 0/);
    expect(() => ddimSigma(0.4, 0.5, NaN)).toThrow(/eta/);
  });
});
