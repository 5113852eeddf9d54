/**
 * Claims of the chapter "The sampler family", part 2: η = 1 turns the DDIM update into DDPM's
 * ancestral step. The source notes' chain of algebra, corrected and checked line by line against
 * the real update (src/core/ddim/update.ts), ending in DDPM's notation (DDPM eq. 11 and eq. 7).
 * Notation inside a line: a = α_t, b = α_{t−1} (DDIM's cumulative α), e = ε_θ, ε the fresh noise.
 */
import { combine, type Vec } from '../vec.ts';
import { etaStep, familyMean } from '../ddim/family.ts';
import { predictX0 } from '../ddim/predict.ts';
import { ddimUpdate } from '../ddim/update.ts';
import { sigmaEta, oneMinusRatio } from '../ddim/sigma.ts';
import { ddpmAt, ddpmBetaTilde, ddpmMeanFromEps, ddpmPosteriorMean } from '../ddim/ddpm.ts';
import { conditionalCoefficients } from '../gaussian.ts';
import type { Rng } from '../rng.ts';
import { cat, gauss, identity } from './helpers.ts';
import type { Claim, Situation } from './types.ts';

const chapter = 'sampler-family';
const ddpmUses = { n: false, eta: 1 } as const;

function ddpmSetup(s: Situation, rng: Rng) {
  const a = s.alpha[s.t];
  const b = s.alpha[s.t - 1];
  const step = etaStep(1, a, b);
  const xt = gauss(rng);
  const e = gauss(rng);
  return { a, b, step, sigma: step.sigma, xt, e, noise: gauss(rng), ddpm: ddpmAt(s.alpha, s.t), x0: gauss(rng) };
}
type P = ReturnType<typeof ddpmSetup>;

/** The real update at η = 1: every line below must equal it. */
const update = (p: P) => ddimUpdate(p.xt, p.e, p.step, p.noise).prev;
/** √b · (x_t − √(1 − a) e)/√a, the first term of every line of the first display. */
const predicted = (p: P) => combine([Math.sqrt(p.b) / Math.sqrt(p.a), p.xt], [(-Math.sqrt(p.b) * Math.sqrt(1 - p.a)) / Math.sqrt(p.a), p.e]);
/** predicted + c · e + σ ε */
const withDirection = (p: P, c: number) => combine([1, predicted(p)], [c, p.e], [p.sigma, p.noise]);
/** √b/√a · x_t − c · e + σ ε */
const splitForm = (p: P, c: number) => combine([Math.sqrt(p.b) / Math.sqrt(p.a), p.xt], [-c, p.e], [p.sigma, p.noise]);
/** √b/√a · (x_t − c · e) + σ ε */
const factored = (p: P, c: number, xt: Vec = p.xt) => combine([Math.sqrt(p.b) / Math.sqrt(p.a), combine([1, xt], [-c, p.e])], [p.sigma, p.noise]);

export const samplerDdpmClaims: Claim[] = [
  identity({
    id: 'sampler.ddpm-chain-direction',
    chapter,
    uses: ddpmUses,
    setup: ddpmSetup,
    sides: [
      update,
      (p) => withDirection(p, Math.sqrt(1 - p.b - p.sigma ** 2)),
      (p) => withDirection(p, Math.sqrt(1 - p.b - ((1 - p.b) / (1 - p.a)) * oneMinusRatio(p.a, p.b))),
      (p) => withDirection(p, Math.sqrt((1 - p.b) * (1 - (1 / (1 - p.a)) * ((p.b - p.a) / p.b)))),
      (p) => withDirection(p, Math.sqrt((1 - p.b) * ((p.b - p.b * p.a - p.b + p.a) / (p.b * (1 - p.a))))),
      (p) => withDirection(p, Math.sqrt((1 - p.b) * ((-p.b * p.a + p.a) / (p.b * (1 - p.a))))),
      (p) => withDirection(p, (1 - p.b) * Math.sqrt(p.a / (p.b * (1 - p.a)))),
    ],
    mutants: [
      { slip: 'dropped the square root of the last factor', value: (p) => withDirection(p, ((1 - p.b) * p.a) / (p.b * (1 - p.a))) },
      { slip: 'σ for σ²', line: 1, value: (p) => withDirection(p, Math.sqrt(1 - p.b - p.sigma)) },
    ],
  }),
  identity({
    id: 'sampler.ddpm-chain-collect',
    chapter,
    uses: ddpmUses,
    setup: ddpmSetup,
    sides: [
      update,
      (p) =>
        combine(
          [Math.sqrt(p.b) / Math.sqrt(p.a), p.xt],
          [(-Math.sqrt(p.b) * Math.sqrt(1 - p.a)) / Math.sqrt(p.a), p.e],
          [(1 - p.b) * Math.sqrt(p.a / (p.b * (1 - p.a))), p.e],
          [p.sigma, p.noise],
        ),
      (p) =>
        splitForm(
          p,
          (Math.sqrt(p.b) * Math.sqrt(1 - p.a) * Math.sqrt(p.b) * Math.sqrt(1 - p.a) - (1 - p.b) * Math.sqrt(p.a) * Math.sqrt(p.a)) /
            (Math.sqrt(p.a) * Math.sqrt(p.b * (1 - p.a))),
        ),
      (p) => splitForm(p, (p.b * (1 - p.a) - (1 - p.b) * p.a) / (Math.sqrt(p.a) * Math.sqrt(p.b * (1 - p.a)))),
      (p) => splitForm(p, (p.b - p.a * p.b - p.a + p.a * p.b) / (Math.sqrt(p.a) * Math.sqrt(p.b * (1 - p.a)))),
      (p) => splitForm(p, (p.b - p.a) / (Math.sqrt(p.a) * Math.sqrt(p.b * (1 - p.a)))),
      (p) => splitForm(p, (Math.sqrt(p.b) * (p.b - p.a)) / (p.b * Math.sqrt(p.a) * Math.sqrt(1 - p.a))),
    ],
    mutants: [
      { slip: 'b for √b in the numerator', value: (p) => splitForm(p, (p.b * (p.b - p.a)) / (p.b * Math.sqrt(p.a) * Math.sqrt(1 - p.a))) },
      { slip: 'flipped sign of a·b (the terms that cancel)', line: 4, value: (p) => splitForm(p, (p.b - p.a * p.b - p.a - p.a * p.b) / (Math.sqrt(p.a) * Math.sqrt(p.b * (1 - p.a)))) },
    ],
  }),
  identity({
    id: 'sampler.ddpm-chain-factor',
    chapter,
    uses: ddpmUses,
    setup: ddpmSetup,
    sides: [
      update,
      (p) => factored(p, (p.b - p.a) / (p.b * Math.sqrt(1 - p.a))),
      (p) => factored(p, oneMinusRatio(p.a, p.b) / Math.sqrt(1 - p.a)),
    ],
    mutants: [{ slip: 'α_{t−1} for α_t under the root', value: (p) => factored(p, oneMinusRatio(p.a, p.b) / Math.sqrt(1 - p.b)) }],
  }),
  identity({
    id: 'sampler.ddpm-chain-ddpm-notation',
    chapter,
    uses: ddpmUses,
    setup: ddpmSetup,
    sides: [
      update,
      // DDPM's notation: 1/√α_t · (x_t − β_t/√(1 − ᾱ_t) · ε_θ) + σ_t ε with σ_t² = β̃_t.
      (p) => combine([1, ddpmMeanFromEps(p.xt, p.e, p.ddpm)], [Math.sqrt(ddpmBetaTilde(p.ddpm)), p.noise]),
    ],
    mutants: [
      { slip: 'β_t for β̃_t', value: (p) => combine([1, ddpmMeanFromEps(p.xt, p.e, p.ddpm)], [Math.sqrt(p.ddpm.beta), p.noise]) },
      { slip: 'DDIM’s α_t (ᾱ_t) for DDPM’s α_t', value: (p) => combine([1, ddpmMeanFromEps(p.xt, p.e, { ...p.ddpm, alphaStep: p.ddpm.alphaBar })], [Math.sqrt(ddpmBetaTilde(p.ddpm)), p.noise]) },
    ],
  }),
  identity({
    id: 'sampler.ddpm-variance',
    chapter,
    uses: ddpmUses,
    // Variances in [0, 1]: the Gaussian-conditioning route subtracts numbers near 1 − ᾱ_{t−1}, so
    // the residual is an absolute error (floor 1), as for the other variance claims.
    floor: 1,
    setup: (s) => ({ a: s.alpha[s.t], b: s.alpha[s.t - 1], ddpm: ddpmAt(s.alpha, s.t) }),
    sides: [
      (p) => sigmaEta(1, p.a, p.b) ** 2,
      (p) => ddpmBetaTilde(p.ddpm),
      // β̃_t by another route: the variance of DDPM's x_{t−1} | x_t, x_0 by Gaussian conditioning.
      (p) => conditionalCoefficients(1 - p.ddpm.alphaBar, 1 - p.ddpm.alphaBarPrev, Math.sqrt(p.ddpm.alphaStep) * (1 - p.ddpm.alphaBarPrev)).variance,
    ],
    mutants: [
      { slip: 'σ for σ²', line: 0, value: (p) => sigmaEta(1, p.a, p.b) },
      { slip: 'β_t for β̃_t', value: (p) => p.ddpm.beta },
    ],
  }),
  identity({
    id: 'sampler.ddpm-posterior',
    chapter,
    uses: { n: false, eta: false },
    setup: ddpmSetup,
    sides: [
      // Gaussian conditioning of DDPM's Markov forward: x_{t−1} ~ N(√ᾱ_{t−1} x_0, 1 − ᾱ_{t−1}),
      // x_t | x_{t−1} ~ N(√α_t x_{t−1}, β_t), so Cov(x_{t−1}, x_t) = √α_t (1 − ᾱ_{t−1}).
      (p) => {
        const { alphaStep, alphaBar, alphaBarPrev } = p.ddpm;
        const cov = Math.sqrt(alphaStep) * (1 - alphaBarPrev);
        const { gain, variance } = conditionalCoefficients(1 - alphaBar, 1 - alphaBarPrev, cov);
        const mean = combine([Math.sqrt(alphaBarPrev), p.x0], [gain, combine([1, p.xt], [-Math.sqrt(alphaBar), p.x0])]);
        return cat(mean, variance);
      },
      (p) => cat(ddpmPosteriorMean(p.xt, p.x0, p.ddpm), ddpmBetaTilde(p.ddpm)),
    ],
    mutants: [
      { slip: 'β_t for β̃_t', value: (p) => cat(ddpmPosteriorMean(p.xt, p.x0, p.ddpm), p.ddpm.beta) },
      { slip: 'ᾱ_t for ᾱ_{t−1} in μ̃_t', value: (p) => cat(ddpmPosteriorMean(p.xt, p.x0, { ...p.ddpm, alphaBarPrev: p.ddpm.alphaBar }), ddpmBetaTilde(p.ddpm)) },
    ],
  }),
  identity({
    id: 'sampler.ddpm-family-mean',
    chapter,
    uses: ddpmUses,
    setup: ddpmSetup,
    sides: [(p) => familyMean(p.xt, p.x0, p.step), (p) => ddpmPosteriorMean(p.xt, p.x0, p.ddpm)],
    mutants: [{ slip: 'DDIM’s α_t (ᾱ_t) for DDPM’s α_t', value: (p) => ddpmPosteriorMean(p.xt, p.x0, { ...p.ddpm, alphaStep: p.ddpm.alphaBar }) }],
  }),
  identity({
    id: 'sampler.ddpm-eps-form',
    chapter,
    uses: { n: false, eta: false },
    setup: ddpmSetup,
    sides: [(p) => ddpmPosteriorMean(p.xt, predictX0(p.xt, p.e, p.a), p.ddpm), (p) => ddpmMeanFromEps(p.xt, p.e, p.ddpm)],
    mutants: [
      { slip: 'DDIM’s α_t (ᾱ_t) for DDPM’s α_t', value: (p) => ddpmMeanFromEps(p.xt, p.e, { ...p.ddpm, alphaStep: p.ddpm.alphaBar }) },
      { slip: '1 − ᾱ_t for √(1 − ᾱ_t)', value: (p) => combine([1 / Math.sqrt(p.ddpm.alphaStep), p.xt], [-p.ddpm.beta / (Math.sqrt(p.ddpm.alphaStep) * (1 - p.ddpm.alphaBar)), p.e]) },
    ],
  }),
];
