import { describe, expect, it } from 'vitest';
import { ddimUpdate, jumpSigma0, qSigmaMean, qSigmaMeanCoefficients, directionScale } from '../../../src/core/ddim/update.ts';
import { ddimSigma } from '../../../src/core/ddim/sigma.ts';
import { ddpmMeanFromEps, ddpmPosterior } from '../../../src/core/ddim/ddpm.ts';
import { predictEpsFromX0, predictEpsFromV, predictX0FromEps, predictX0FromV, velocity } from '../../../src/core/ddim/predictions.ts';
import { mulberry32, randn, uniform } from '../../../src/core/rng.ts';
import { assertClose } from '../../assert-close.ts';

function draw(seed: number) {
  const rng = mulberry32(seed);
  const alphaPrev = uniform(rng, 0.05, 0.999);
  const alphaT = alphaPrev * uniform(rng, 0.05, 0.999);
  const [x0, eps, z] = randn(rng, 3);
  return { alphaT, alphaPrev, x0, eps, z, xt: Math.sqrt(alphaT) * x0 + Math.sqrt(1 - alphaT) * eps, eta: uniform(rng, 0, 1) };
}

describe('predictions', () => {
  it('predictX0FromEps() recovers x_0 from the ε that produced x_t', () => {
    for (let s = 0; s < 1000; s++) {
      const d = draw(s);
      assertClose(predictX0FromEps(d.xt, d.eps, d.alphaT), d.x0, { rel: 1e-9, abs: 1e-9 });
      assertClose(predictEpsFromX0(d.xt, d.x0, d.alphaT), d.eps, { rel: 1e-9, abs: 1e-9 });
    }
  });

  it('predictX0FromV() and predictEpsFromV() invert v = √α ε − √(1 − α) x_0', () => {
    for (let s = 0; s < 1000; s++) {
      const d = draw(s);
      const v = velocity(d.x0, d.eps, d.alphaT);
      assertClose(predictX0FromV(d.xt, v, d.alphaT), d.x0, { rel: 1e-12, abs: 1e-12 });
      assertClose(predictEpsFromV(d.xt, v, d.alphaT), d.eps, { rel: 1e-12, abs: 1e-12 });
    }
  });
});

describe('update', () => {
  it('ddimUpdate() with the true ε and σ = 0 equals the mean of q_σ(x_{t−1} | x_t, x_0)', () => {
    for (let s = 0; s < 1000; s++) {
      const d = draw(s);
      assertClose(ddimUpdate(d.xt, d.eps, d.alphaT, d.alphaPrev), qSigmaMean(d.x0, d.xt, d.alphaT, d.alphaPrev, 0), { rel: 1e-9, abs: 1e-9 });
    }
  });

  it('ddimUpdate() at η = 1 equals DDPM’s posterior mean plus √β̃ z', () => {
    for (let s = 0; s < 1000; s++) {
      const d = draw(s);
      const sigma = ddimSigma(d.alphaT, d.alphaPrev, 1);
      const ddpm = ddpmMeanFromEps(d.xt, d.eps, d.alphaT, d.alphaPrev) + Math.sqrt(ddpmPosterior(d.alphaT, d.alphaPrev).variance) * d.z;
      assertClose(ddimUpdate(d.xt, d.eps, d.alphaT, d.alphaPrev, { sigma, noise: d.z }), ddpm, { rel: 1e-9, abs: 1e-9 });
    }
  });

  it('qSigmaMeanCoefficients() at η = 1 are DDPM’s posterior coefficients', () => {
    for (let s = 0; s < 1000; s++) {
      const d = draw(s);
      const c = qSigmaMeanCoefficients(d.alphaT, d.alphaPrev, ddimSigma(d.alphaT, d.alphaPrev, 1));
      const p = ddpmPosterior(d.alphaT, d.alphaPrev);
      assertClose(c, { x0: p.x0, xt: p.xt }, { rel: 1e-9, abs: 1e-12 });
    }
  });

  it('jumpSigma0() over n steps equals n chained σ = 0 steps with the same ε', () => {
    const alphas = [0.98, 0.9, 0.75, 0.5, 0.3, 0.12];
    const xt = 0.7;
    const eps = -1.3;
    let x = xt;
    for (let i = alphas.length - 1; i > 0; i--) x = ddimUpdate(x, eps, alphas[i], alphas[i - 1]);
    assertClose(jumpSigma0(xt, eps, alphas[alphas.length - 1], alphas[0]), x, { rel: 1e-12 });
  });

  it('directionScale() rejects a negative variance 1 − α_{t−1} − σ²', () => {
    expect(() => directionScale(0.5, 0.8)).toThrow(/1 − α_\{t−1\} − σ² must be ≥ 0/);
    expect(directionScale(0.5, Math.sqrt(0.5))).toBeCloseTo(0, 7);
  });
});
