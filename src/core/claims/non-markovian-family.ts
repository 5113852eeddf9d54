/**
 * Claims of the chapter "The non-Markovian family q_σ": the coefficients of q_σ(x_{t−1} | x_t, x_0)
 * found by matching moments (DDIM eq. 7), Lemma 1 by induction from T downward (DDIM App. B),
 * the forward conditional by Bayes (DDIM eq. 8) and the σ that makes it DDPM's Markov kernel.
 */
import { oneMinusRatio } from '../ddim/sigma.ts';
import { combine } from '../vec.ts';
import { etaStep, familyCoefficients, familyMean, leftOf, type FamilyStep } from '../ddim/family.ts';
import { moveGaussian, type Conditional } from '../ddim/jump.ts';
import { noisy } from '../ddim/predict.ts';
import { normalLogPdf } from '../gaussian.ts';
import { uniform, type Rng } from '../rng.ts';
import { cat, distribution, gauss, identity, stepFor } from './helpers.ts';
import type { Claim, Situation } from './types.ts';

const chapter = 'non-markovian-family';
const oneStep = { n: false, eta: true } as const;

/** One step t → t−1 with its σ, and random x_0, ε, ε′. */
function stepSetup(s: Situation, rng: Rng) {
  const step = stepFor(s, rng, s.alpha[s.t], s.alpha[s.t - 1]);
  return { step, aT: step.alphaT, aP: step.alphaPrev, sigma: step.sigma, left: leftOf(step), x0: gauss(rng), e1: gauss(rng), e2: gauss(rng), ...familyCoefficients(step) };
}

/** Arbitrary coefficients (k, λ, σ), for facts that hold before any matching. */
function freeCoefficients(s: Situation, rng: Rng) {
  return { aT: s.alpha[s.t], k: uniform(rng, -2, 2), lambda: uniform(rng, -2, 2), sigma: uniform(rng, 0.05, 1.5), x0: gauss(rng, 2) };
}

/** The step k → k−1 for every k = T … t+1 (index k): σ(η), or arbitrary valid σ on random draws. */
function chainSteps(s: Situation, rng: Rng): FamilyStep[] {
  const T = s.alpha.length - 1;
  const steps: FamilyStep[] = [];
  for (let k = T; k > s.t; k--) steps[k] = stepFor(s, rng, s.alpha[k], s.alpha[k - 1]);
  return steps;
}

/** N(√α_T x_0, (1 − α_T) I) pushed through q_σ(x_{k−1} | x_k, x_0) for k = T … t+1. */
function propagate(alpha: Float64Array, t: number, steps: FamilyStep[], x0: Float64Array): Conditional {
  const T = alpha.length - 1;
  let g: Conditional = { mean: combine([Math.sqrt(alpha[T]), x0]), variance: 1 - alpha[T] };
  for (let k = T; k > t; k--) g = moveGaussian(g, x0, alpha[k], alpha[k - 1], steps[k].sigma, leftOf(steps[k]));
  return g;
}

export const nonMarkovianFamilyClaims: Claim[] = [
  identity({
    id: 'family.expand',
    chapter,
    uses: oneStep,
    setup: (s, rng) => ({ ...freeCoefficients(s, rng), x0: gauss(rng), e1: gauss(rng), e2: gauss(rng) }),
    sides: [
      (p) => combine([p.k, noisy(p.x0, p.e1, p.aT)], [p.lambda, p.x0], [p.sigma, p.e2]),
      (p) => combine([p.k * Math.sqrt(p.aT) + p.lambda, p.x0], [p.k * Math.sqrt(1 - p.aT), p.e1], [p.sigma, p.e2]),
    ],
    mutants: [
      { slip: 'dropped √(1 − α_t) on ε', value: (p) => combine([p.k * Math.sqrt(p.aT) + p.lambda, p.x0], [p.k, p.e1], [p.sigma, p.e2]) },
      { slip: 'dropped k_t on √α_t x_0', value: (p) => combine([Math.sqrt(p.aT) + p.lambda, p.x0], [p.k * Math.sqrt(1 - p.aT), p.e1], [p.sigma, p.e2]) },
    ],
  }),
  distribution({
    id: 'family.moments',
    chapter,
    uses: oneStep,
    setup: freeCoefficients,
    simulate: (p, rng) => combine([p.k, noisy(p.x0, gauss(rng, 2), p.aT)], [p.lambda, p.x0], [p.sigma, gauss(rng, 2)]),
    target: (p) => ({ mean: combine([p.k * Math.sqrt(p.aT) + p.lambda, p.x0]), variance: p.k * p.k * (1 - p.aT) + p.sigma * p.sigma }),
  }),
  identity({
    id: 'family.matching',
    chapter,
    uses: oneStep,
    floor: 1,
    setup: stepSetup,
    // Plug k_t, λ_t into the two conditions.
    sides: [
      (p) => cat(p.k * Math.sqrt(p.aT) + p.lambda, p.k * p.k * (1 - p.aT) + p.sigma * p.sigma),
      (p) => cat(Math.sqrt(p.aP), 1 - p.aP),
    ],
    mutants: [
      { slip: 'σ for σ²', line: 0, value: (p) => cat(p.k * Math.sqrt(p.aT) + p.lambda, p.k * p.k * (1 - p.aT) + p.sigma) },
      { slip: 'α_t for α_{t−1}', value: (p) => cat(Math.sqrt(p.aT), 1 - p.aT) },
    ],
  }),
  identity({
    id: 'family.eq7-mean',
    chapter,
    uses: oneStep,
    setup: (s, rng) => ({ ...stepSetup(s, rng), xt: gauss(rng) }),
    sides: [
      (p) => combine([p.k, p.xt], [p.lambda, p.x0]),
      (p) => familyMean(p.xt, p.x0, p.step),
    ],
    mutants: [
      {
        slip: 'α_t for α_{t−1} in the x_0 term',
        value: (p) => combine([Math.sqrt(p.aT), p.x0], [Math.sqrt(p.left) / Math.sqrt(1 - p.aT), combine([1, p.xt], [-Math.sqrt(p.aT), p.x0])]),
      },
      {
        slip: 'dropped σ_t² under the root',
        value: (p) => combine([Math.sqrt(p.aP), p.x0], [Math.sqrt(1 - p.aP) / Math.sqrt(1 - p.aT), combine([1, p.xt], [-Math.sqrt(p.aT), p.x0])]),
      },
    ],
  }),
  distribution({
    id: 'family.gaussian-composition',
    chapter,
    uses: { n: false, eta: false },
    setup: (_s, rng) => ({ mu: gauss(rng, 2), s2: uniform(rng, 0.01, 4), a: uniform(rng, -2, 2), b: gauss(rng, 2), v: uniform(rng, 0.01, 4) }),
    simulate: (p, rng) => {
      const x = combine([1, p.mu], [Math.sqrt(p.s2), gauss(rng, 2)]);
      return combine([p.a, x], [1, p.b], [Math.sqrt(p.v), gauss(rng, 2)]);
    },
    target: (p) => ({ mean: combine([p.a, p.mu], [1, p.b]), variance: p.a * p.a * p.s2 + p.v }),
  }),
  identity({
    id: 'lemma1.step-mean',
    chapter,
    uses: oneStep,
    setup: stepSetup,
    sides: [
      // The linear-Gaussian rule applied to N(√α_t x_0, (1 − α_t) I):
      (p) => moveGaussian({ mean: combine([Math.sqrt(p.aT), p.x0]), variance: 1 - p.aT }, p.x0, p.aT, p.aP, p.sigma, p.left).mean,
      (p) => combine([Math.sqrt(p.aP), p.x0], [Math.sqrt(p.left) / Math.sqrt(1 - p.aT), combine([Math.sqrt(p.aT), p.x0], [-Math.sqrt(p.aT), p.x0])]),
      (p) => combine([Math.sqrt(p.aP), p.x0]),
    ],
    mutants: [
      { slip: 'α_t for α_{t−1}', value: (p) => combine([Math.sqrt(p.aT), p.x0]) },
      { slip: 'flipped sign of √α_t x_0 inside the bracket', line: 1, value: (p) => combine([Math.sqrt(p.aP), p.x0], [Math.sqrt(p.left) / Math.sqrt(1 - p.aT), combine([Math.sqrt(p.aT), p.x0], [Math.sqrt(p.aT), p.x0])]) },
    ],
  }),
  identity({
    id: 'lemma1.step-variance',
    chapter,
    uses: oneStep,
    floor: 1,
    setup: stepSetup,
    sides: [
      (p) => moveGaussian({ mean: combine([Math.sqrt(p.aT), p.x0]), variance: 1 - p.aT }, p.x0, p.aT, p.aP, p.sigma, p.left).variance,
      (p) => ((1 - p.aP - p.sigma ** 2) / (1 - p.aT)) * (1 - p.aT) + p.sigma ** 2,
      (p) => 1 - p.aP,
    ],
    mutants: [
      { slip: 'σ for σ²', line: 1, value: (p) => ((1 - p.aP - p.sigma ** 2) / (1 - p.aT)) * (1 - p.aT) + p.sigma },
      { slip: '1 − α_t for 1 − α_{t−1}', value: (p) => 1 - p.aT },
    ],
  }),
  identity({
    id: 'lemma1.exact',
    chapter,
    uses: oneStep,
    needs: { fromTop: true },
    setup: (s, rng) => ({ alpha: s.alpha, t: s.t, steps: chainSteps(s, rng), x0: gauss(rng) }),
    sides: [
      (p) => {
        const g = propagate(p.alpha, p.t, p.steps, p.x0);
        return cat(g.mean, g.variance);
      },
      (p) => cat(combine([Math.sqrt(p.alpha[p.t]), p.x0]), 1 - p.alpha[p.t]),
    ],
    mutants: [
      { slip: 't − 1 for t', value: (p) => cat(combine([Math.sqrt(p.alpha[p.t - 1]), p.x0]), 1 - p.alpha[p.t - 1]) },
      { slip: 'α_t for 1 − α_t in the variance', value: (p) => cat(combine([Math.sqrt(p.alpha[p.t]), p.x0]), p.alpha[p.t]) },
    ],
  }),
  distribution({
    id: 'lemma1.monte-carlo',
    chapter,
    uses: oneStep,
    needs: { maxT: 40, etaPositive: true, fromTop: true },
    setup: (s, rng) => ({ alpha: s.alpha, t: s.t, steps: chainSteps(s, rng), x0: gauss(rng, 2) }),
    // Sample x_T, then x_{T−1}, …, x_t from q_σ(x_{k−1} | x_k, x_0) one step at a time.
    simulate: (p, rng) => {
      const T = p.alpha.length - 1;
      let x = noisy(p.x0, gauss(rng, 2), p.alpha[T]);
      for (let k = T; k > p.t; k--) {
        x = combine([1, familyMean(x, p.x0, p.steps[k])], [p.steps[k].sigma, gauss(rng, 2)]);
      }
      return x;
    },
    target: (p) => ({ mean: combine([Math.sqrt(p.alpha[p.t]), p.x0]), variance: 1 - p.alpha[p.t] }),
  }),
  identity({
    id: 'family.bayes-forward',
    chapter,
    uses: oneStep,
    needs: { tMin: 2, etaPositive: true },
    setup: (s, rng) => {
      const base = stepSetup(s, rng);
      // On random draws keep σ² ≥ 1% of its range: densities with a tiny variance are ill-conditioned.
      const u = uniform(rng, 0.01, 1);
      const step: FamilyStep = s.free
        ? { alphaT: base.aT, alphaPrev: base.aP, sigma: Math.sqrt(u * (1 - base.aP)), directionVariance: (1 - u) * (1 - base.aP) }
        : base.step;
      const co = familyCoefficients(step);
      const xt = noisy(base.x0, base.e1, base.aT);
      const xPrev = combine([co.k, xt], [co.lambda, base.x0], [step.sigma, base.e2]);
      return { ...base, ...co, step, sigma: step.sigma, xt, xPrev };
    },
    sides: [
      // Bayes: q_σ(x_{t−1} | x_t, x_0) q_σ(x_t | x_0) / q_σ(x_{t−1} | x_0)
      (p) =>
        Math.exp(
          normalLogPdf(p.xPrev, familyMean(p.xt, p.x0, p.step), p.sigma ** 2) +
            normalLogPdf(p.xt, combine([Math.sqrt(p.aT), p.x0]), 1 - p.aT) -
            normalLogPdf(p.xPrev, combine([Math.sqrt(p.aP), p.x0]), 1 - p.aP),
        ),
      // The Gaussian N(x_t; √α_t x_0 + c_t (x_{t−1} − √α_{t−1} x_0), v_t I)
      (p) => {
        const c = (p.k * (1 - p.aT)) / (1 - p.aP);
        const v = ((1 - p.aT) * p.sigma ** 2) / (1 - p.aP);
        const mean = combine([Math.sqrt(p.aT), p.x0], [c, combine([1, p.xPrev], [-Math.sqrt(p.aP), p.x0])]);
        return Math.exp(normalLogPdf(p.xt, mean, v));
      },
    ],
    mutants: [
      {
        slip: 'σ for σ² in v_t',
        value: (p) => {
          const c = (p.k * (1 - p.aT)) / (1 - p.aP);
          const mean = combine([Math.sqrt(p.aT), p.x0], [c, combine([1, p.xPrev], [-Math.sqrt(p.aP), p.x0])]);
          return Math.exp(normalLogPdf(p.xt, mean, ((1 - p.aT) * p.sigma) / (1 - p.aP)));
        },
      },
      {
        slip: 'dropped 1 − α_t in c_t',
        value: (p) => {
          const c = p.k / (1 - p.aP);
          const mean = combine([Math.sqrt(p.aT), p.x0], [c, combine([1, p.xPrev], [-Math.sqrt(p.aP), p.x0])]);
          return Math.exp(normalLogPdf(p.xt, mean, ((1 - p.aT) * p.sigma ** 2) / (1 - p.aP)));
        },
      },
    ],
  }),
  identity({
    id: 'family.bayes-ddpm',
    chapter,
    uses: { n: false, eta: 1 },
    needs: { tMin: 2 },
    floor: 1,
    setup: (s) => {
      const step = etaStep(1, s.alpha[s.t], s.alpha[s.t - 1]);
      return { aT: step.alphaT, aP: step.alphaPrev, sigma: step.sigma, ...familyCoefficients(step) };
    },
    // (c_t, x_0-coefficient √α_t − c_t √α_{t−1}, v_t) at σ_t² = β̃_t, against DDPM's kernel.
    sides: [
      (p) => {
        const c = (p.k * (1 - p.aT)) / (1 - p.aP);
        return cat(c, Math.sqrt(p.aT) - c * Math.sqrt(p.aP), ((1 - p.aT) * p.sigma ** 2) / (1 - p.aP));
      },
      (p) => cat(Math.sqrt(p.aT / p.aP), 0, oneMinusRatio(p.aT, p.aP)),
    ],
    mutants: [
      { slip: 'DDIM’s α_t for DDPM’s α_t = α_t/α_{t−1}', value: (p) => cat(Math.sqrt(p.aT), 0, oneMinusRatio(p.aT, p.aP)) },
      { slip: 'β̃_t for β_t', value: (p) => cat(Math.sqrt(p.aT / p.aP), 0, ((1 - p.aP) / (1 - p.aT)) * oneMinusRatio(p.aT, p.aP)) },
    ],
  }),
];
