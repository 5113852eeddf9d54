import { describe, expect, it } from 'vitest';
import { assertClose } from '../../assert-close.ts';
import { ddpmAt, ddpmBetaTilde, ddpmMeanFromEps, ddpmPosteriorMean } from '../../../src/core/ddim/ddpm.ts';
import { predictX0 } from '../../../src/core/ddim/predict.ts';

const alpha = Float64Array.from([1, 0.9, 0.6, 0.3]);

describe('ddpmAt()', () => {
  it('maps DDIM’s cumulative α to DDPM’s β_t, α_t, ᾱ_t, ᾱ_{t−1}', () => {
    const d = ddpmAt(alpha, 2);
    assertClose(d, { beta: 1 / 3, alphaStep: 2 / 3, alphaBar: 0.6, alphaBarPrev: 0.9 }, { rel: 1e-15 });
    expect(() => ddpmAt(alpha, 0)).toThrow(/t must be an integer in \[1, 3\]/);
  });
});

describe('ddpmPosteriorMean() / ddpmMeanFromEps()', () => {
  it('agree once x_0 is the prediction from ε_θ (DDPM eq. 7 vs eq. 11)', () => {
    const d = ddpmAt(alpha, 3);
    const xt = [0.2, -1.4];
    const eps = [0.9, 0.1];
    assertClose(ddpmPosteriorMean(xt, predictX0(xt, eps, 0.3), d), ddpmMeanFromEps(xt, eps, d), { rel: 1e-14 });
    assertClose(ddpmBetaTilde(d), ((1 - 0.6) / (1 - 0.3)) * 0.5, { rel: 1e-15 });
  });
});
