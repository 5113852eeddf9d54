import { describe, expect, it } from 'vitest';
import { assertClose } from '../../assert-close.ts';
import { conditionalByRecursion, conditionalClosedForm, deterministicJump, effectiveSigma, moveRho, pathR } from '../../../src/core/ddim/jump.ts';
import { familyMean } from '../../../src/core/ddim/family.ts';
import { noisy, predictX0 } from '../../../src/core/ddim/predict.ts';

const alphas = [0.2, 0.35, 0.6, 0.9];
const sigmas = [0.3, 0.2, 0.1];
const x0 = [0.5, -1];
const xStart = [1.2, 0.4];

describe('conditionalByRecursion() / conditionalClosedForm()', () => {
  it('agree: mean √α_end x_0 + √(1 − α_end) R u_start, variance (1 − α_end)(1 − R²)', () => {
    const a = conditionalByRecursion(xStart, x0, { alphas, sigmas });
    const b = conditionalClosedForm(xStart, x0, { alphas, sigmas });
    assertClose(a.mean, b.mean, { rel: 1e-14 });
    assertClose(a.variance, b.variance, { rel: 1e-14 });
    assertClose(b.R, sigmas.reduce((r, s, j) => r * moveRho(alphas[j + 1], s), 1), { rel: 1e-15 });
  });
  it('with σ = 0 give the source notes’ deterministic jump (variance 0)', () => {
    const z = [0.7, -0.3];
    const xt = noisy(x0, z, alphas[0]);
    const x0hat = predictX0(xt, z, alphas[0]);
    const g = conditionalByRecursion(xt, x0hat, { alphas, sigmas: [0, 0, 0] });
    expect(g.variance).toBe(0);
    assertClose(g.mean, deterministicJump(x0hat, z, 0.9), { rel: 1e-14 });
  });
  it('reject a path whose σ list has the wrong length', () => {
    expect(() => pathR({ alphas, sigmas: [0.1] })).toThrow(/needs 3 σ values/);
  });
});

describe('effectiveSigma()', () => {
  it('is the σ of one jump with the same conditional as the whole path', () => {
    const g = conditionalClosedForm(xStart, x0, { alphas, sigmas });
    const s = effectiveSigma({ alphas, sigmas });
    assertClose(s * s, g.variance, { rel: 1e-14 });
    assertClose(familyMean(xStart, x0, { alphaT: alphas[0], alphaPrev: 0.9, sigma: s }), g.mean, { rel: 1e-12 });
  });
});
