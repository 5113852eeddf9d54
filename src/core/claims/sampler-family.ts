/**
 * Claims of the chapter "The sampler family", part 1: the update (DDIM eq. 12) and x̂_0 (eq. 9),
 * σ_t(η) (eq. 16) and when the update stays real, η = 0, σ̂ (Table 1), and jumps τ_i → τ_{i−1}
 * (App. C.1). The η = 1 chain to DDPM is in sampler-ddpm.ts.
 */
import { combine } from '../vec.ts';
import { etaStep, familyMean, familySample, leftOf, type FamilyStep } from '../ddim/family.ts';
import { pathR } from '../ddim/jump.ts';
import { noiseOf, noisy, predictX0 } from '../ddim/predict.ts';
import { ddimUpdate } from '../ddim/update.ts';
import { ddpmPosteriorVariance, etaLimit, sigmaEta, sigmaHat, oneMinusRatio } from '../ddim/sigma.ts';
import { ddpmAt, ddpmPosteriorMean } from '../ddim/ddpm.ts';
import type { Rng } from '../rng.ts';
import { cat, distribution, gauss, identity, inequality, oneStepPath, stepFor } from './helpers.ts';
import type { Claim, Situation } from './types.ts';

const chapter = 'sampler-family';
const oneStep = { n: false, eta: true } as const;

/** A sampler step t → t−n (n = 1 unless the claim jumps) with x_t, ε_θ (any model output) and noise ε. */
function samplerSetup(s: Situation, rng: Rng, step: FamilyStep = stepFor(s, rng, s.alpha[s.t], s.alpha[s.t - s.n])) {
  const xt = gauss(rng);
  const epsTheta = gauss(rng);
  return { step, a: step.alphaT, b: step.alphaPrev, xt, epsTheta, noise: gauss(rng), x0hat: predictX0(xt, epsTheta, step.alphaT) };
}

/** One step t → t−1 whatever the reader's n. */
const oneStepSetup = (s: Situation, rng: Rng) => samplerSetup({ ...s, n: 1 }, rng);

export const samplerFamilyClaims: Claim[] = [
  identity({
    id: 'sampler.eq12',
    chapter,
    uses: oneStep,
    setup: oneStepSetup,
    sides: [
      (p) => familySample(p.xt, p.x0hat, p.step, p.noise),
      (p) => combine([Math.sqrt(p.b), p.x0hat], [Math.sqrt(leftOf(p.step)) / Math.sqrt(1 - p.a), combine([1, p.xt], [-Math.sqrt(p.a), p.x0hat])], [p.step.sigma, p.noise]),
      (p) => combine([Math.sqrt(p.b), p.x0hat], [Math.sqrt(leftOf(p.step)), p.epsTheta], [p.step.sigma, p.noise]),
      (p) => ddimUpdate(p.xt, p.epsTheta, p.step, p.noise).prev,
    ],
    mutants: [
      { slip: 'dropped σ_t ε_t', line: 2, value: (p) => combine([Math.sqrt(p.b), p.x0hat], [Math.sqrt(leftOf(p.step)), p.epsTheta]) },
      { slip: 'σ_t² for σ_t on ε_t', line: 2, value: (p) => combine([Math.sqrt(p.b), p.x0hat], [Math.sqrt(leftOf(p.step)), p.epsTheta], [p.step.sigma ** 2, p.noise]) },
      { slip: 'α_t for α_{t−1} on x̂_0', line: 1, value: (p) => combine([Math.sqrt(p.a), p.x0hat], [Math.sqrt(leftOf(p.step)) / Math.sqrt(1 - p.a), combine([1, p.xt], [-Math.sqrt(p.a), p.x0hat])], [p.step.sigma, p.noise]) },
    ],
  }),
  identity({
    id: 'sampler.direction',
    chapter,
    uses: oneStep,
    setup: oneStepSetup,
    sides: [(p) => noiseOf(p.xt, p.x0hat, p.a), (p) => p.epsTheta],
    mutants: [{ slip: 'α_{t−1} for α_t', line: 0, value: (p) => noiseOf(p.xt, p.x0hat, p.b) }],
  }),
  identity({
    id: 'sampler.consistency',
    chapter,
    uses: oneStep,
    setup: oneStepSetup,
    sides: [(p) => p.xt, (p) => noisy(p.x0hat, p.epsTheta, p.a)],
    mutants: [
      { slip: 'α_{t−1} for α_t', value: (p) => noisy(p.x0hat, p.epsTheta, p.b) },
      { slip: 'flipped sign of the noise', value: (p) => combine([Math.sqrt(p.a), p.x0hat], [-Math.sqrt(1 - p.a), p.epsTheta]) },
    ],
  }),
  identity({
    id: 'sampler.sigma-eta',
    chapter,
    // DDIM eq. 16 defines σ_t(η); diffusers' std_dev_t is the same definition.
    route: 'definition',
    uses: oneStep,
    setup: (s) => ({ eta: s.eta, a: s.alpha[s.t], b: s.alpha[s.t - 1] }),
    sides: [
      (p) => sigmaEta(p.eta, p.a, p.b),
      // diffusers: std_dev_t = eta * variance ** 0.5 with _get_variance(t, prev_t)
      (p) => p.eta * Math.sqrt(ddpmPosteriorVariance(p.a, p.b)),
      (p) => p.eta * Math.sqrt(((1 - p.b) / (1 - p.a)) * oneMinusRatio(p.a, p.b)),
    ],
  }),
  identity({
    id: 'sampler.direction-variance',
    chapter,
    uses: oneStep,
    floor: 1,
    setup: (s) => ({ eta: s.eta, a: s.alpha[s.t], b: s.alpha[s.t - 1], step: etaStep(s.eta, s.alpha[s.t], s.alpha[s.t - 1]) }),
    sides: [
      (p) => 1 - p.b - p.step.sigma ** 2,
      (p) => (1 - p.b) * (1 - (p.eta ** 2 * oneMinusRatio(p.a, p.b)) / (1 - p.a)),
      (p) => leftOf(p.step),
    ],
    mutants: [
      { slip: 'η for η²', line: 1, value: (p) => (1 - p.b) * (1 - (p.eta * oneMinusRatio(p.a, p.b)) / (1 - p.a)) },
      { slip: 'σ for σ²', line: 0, value: (p) => 1 - p.b - p.step.sigma },
    ],
  }),
  identity({
    id: 'sampler.keep-ratio',
    chapter,
    uses: { n: false, eta: false },
    floor: 1,
    setup: (s) => ({ a: s.alpha[s.t], b: s.alpha[s.t - 1] }),
    sides: [(p) => 1 - oneMinusRatio(p.a, p.b) / (1 - p.a), (p) => (p.a * (1 - p.b)) / (p.b * (1 - p.a))],
    mutants: [{ slip: 'dropped α_t in the numerator', value: (p) => (1 - p.b) / (p.b * (1 - p.a)) }],
  }),
  inequality({
    id: 'sampler.direction-bound',
    chapter,
    uses: oneStep,
    floor: 1,
    setup: (s) => ({ eta: s.eta, b: s.alpha[s.t - 1], step: etaStep(s.eta, s.alpha[s.t], s.alpha[s.t - 1]) }),
    lhs: (p) => (1 - p.b) * (1 - p.eta ** 2),
    rhs: (p) => leftOf(p.step),
    mutants: [
      { slip: 'dropped the factor 1 − η²', line: 0, value: (p) => 1 - p.b },
      { slip: 'flipped the sign of η²', line: 0, value: (p) => (1 - p.b) * (1 + p.eta ** 2) },
    ],
  }),
  identity({
    id: 'sampler.eta-limit',
    chapter,
    uses: { n: false, eta: false },
    // At t = 1, α_0 = 1 and σ_1(η) = 0 for every η: nothing is refused and η_max = ∞ (etaLimit).
    needs: { tMin: 2 },
    floor: 1,
    setup: (s) => ({ a: s.alpha[s.t], b: s.alpha[s.t - 1] }),
    sides: [(p) => sigmaEta(etaLimit(p.a, p.b), p.a, p.b) ** 2, (p) => 1 - p.b],
    mutants: [
      { slip: '1 − α_{t−1} for 1 − α_t/α_{t−1} in η_max', line: 0, value: (p) => sigmaEta(Math.sqrt((1 - p.a) / (1 - p.b)), p.a, p.b) ** 2 },
      { slip: 'α_{t−1} for 1 − α_{t−1}', value: (p) => p.b },
    ],
  }),
  identity({
    id: 'sampler.eta0',
    chapter,
    uses: { n: false, eta: 0 },
    setup: (s, rng) => samplerSetup({ ...s, n: 1 }, rng, etaStep(0, s.alpha[s.t], s.alpha[s.t - 1])),
    sides: [(p) => ddimUpdate(p.xt, p.epsTheta, p.step, p.noise).prev, (p) => combine([Math.sqrt(p.b), p.x0hat], [Math.sqrt(1 - p.b), p.epsTheta])],
    mutants: [
      { slip: 'dropped the direction term', value: (p) => combine([Math.sqrt(p.b), p.x0hat]) },
      { slip: 'α_t for α_{t−1}', value: (p) => combine([Math.sqrt(p.a), p.x0hat], [Math.sqrt(1 - p.a), p.epsTheta]) },
    ],
  }),
  identity({
    id: 'sampler.sigmahat-beta',
    chapter,
    // DDIM Table 1 defines σ̂_t by σ̂_t² = 1 − α_t/α_{t−1}, DDPM's β_t.
    route: 'definition',
    uses: { n: false, eta: false },
    floor: 1,
    setup: (s) => ({ a: s.alpha[s.t], b: s.alpha[s.t - 1], beta: ddpmAt(s.alpha, s.t).beta }),
    sides: [(p) => sigmaHat(p.a, p.b) ** 2, (p) => p.beta],
  }),
  identity({
    id: 'sampler.sigmahat-gap',
    chapter,
    uses: { n: false, eta: false },
    floor: 1,
    setup: (s) => ({ a: s.alpha[s.t], b: s.alpha[s.t - 1], beta: oneMinusRatio(s.alpha[s.t], s.alpha[s.t - 1]) }),
    sides: [
      (p) => sigmaHat(p.a, p.b) ** 2 - ddpmPosteriorVariance(p.a, p.b),
      (p) => p.beta * (1 - (1 - p.b) / (1 - p.a)),
      (p) => (p.beta * (p.b - p.a)) / (1 - p.a),
      (p) => (p.b * p.beta ** 2) / (1 - p.a),
    ],
    mutants: [
      { slip: 'β_t for β_t²', value: (p) => (p.b * p.beta) / (1 - p.a) },
      { slip: 'flipped sign inside the bracket', line: 1, value: (p) => p.beta * (1 + (1 - p.b) / (1 - p.a)) },
    ],
  }),
  inequality({
    id: 'sampler.sigmahat-larger',
    chapter,
    uses: { n: false, eta: false },
    floor: 1,
    setup: (s) => ({ a: s.alpha[s.t], b: s.alpha[s.t - 1] }),
    lhs: (p) => ddpmPosteriorVariance(p.a, p.b),
    rhs: (p) => sigmaHat(p.a, p.b) ** 2,
    mutants: [{ slip: 'the ratio (1 − α_{t−1})/(1 − α_t) in σ_t(1)² upside down', line: 0, value: (p) => ((1 - p.a) / (1 - p.b)) * oneMinusRatio(p.a, p.b) }],
  }),
  identity({
    id: 'sampler.sigmahat-direction',
    chapter,
    uses: { n: false, eta: false },
    floor: 1,
    setup: (s) => ({ a: s.alpha[s.t], b: s.alpha[s.t - 1] }),
    sides: [(p) => 1 - p.b - sigmaHat(p.a, p.b) ** 2, (p) => p.a / p.b - p.b],
    mutants: [
      { slip: 'α_t for α_{t−1} in the last term', value: (p) => p.a / p.b - p.a },
      { slip: 'σ̂ for σ̂²', line: 0, value: (p) => 1 - p.b - sigmaHat(p.a, p.b) },
    ],
  }),
  distribution({
    id: 'sampler.sigmahat-marginal',
    chapter,
    uses: { n: false, eta: false },
    setup: (s, rng) => ({ ddpm: ddpmAt(s.alpha, s.t), a: s.alpha[s.t], b: s.alpha[s.t - 1], x0: gauss(rng, 2) }),
    // x_t ~ q(x_t | x_0), a perfect model (ε_θ = the noise in x_t), DDPM's mean plus σ̂ noise.
    simulate: (p, rng) => {
      const eps = gauss(rng, 2);
      const xt = noisy(p.x0, eps, p.a);
      return combine([1, ddpmPosteriorMean(xt, predictX0(xt, eps, p.a), p.ddpm)], [sigmaHat(p.a, p.b), gauss(rng, 2)]);
    },
    target: (p) => ({ mean: combine([Math.sqrt(p.b), p.x0]), variance: 1 - p.b + (p.b * p.ddpm.beta ** 2) / (1 - p.a) }),
  }),
  identity({
    id: 'sampler.jump-update',
    chapter,
    uses: { n: true, eta: true },
    setup: samplerSetup,
    sides: [(p) => familySample(p.xt, p.x0hat, p.step, p.noise), (p) => ddimUpdate(p.xt, p.epsTheta, p.step, p.noise).prev],
    mutants: [
      { slip: 'dropped σ ε', value: (p) => ddimUpdate(p.xt, p.epsTheta, p.step, new Float64Array(p.noise.length)).prev },
      { slip: 'α_{τ_i} for α_{τ_{i−1}} on x̂_0', line: 0, value: (p) => combine([1, familySample(p.xt, p.x0hat, p.step, p.noise)], [Math.sqrt(p.a) - Math.sqrt(p.b), p.x0hat]) },
    ],
  }),
  identity({
    id: 'sampler.jump-ddpm-posterior',
    chapter,
    uses: { n: true, eta: 1 },
    needs: { targetMin: 1 },
    setup: (s, rng) => ({ ...samplerSetup(s, rng, etaStep(1, s.alpha[s.t], s.alpha[s.t - s.n])), x0: gauss(rng) }),
    sides: [
      (p) => cat(familyMean(p.xt, p.x0, p.step), p.step.sigma ** 2),
      // Bayes for the skipped Markov chain, as a product of Gaussians in x_{t−n}:
      // prior N(√α_{t−n} x_0, 1 − α_{t−n}) times likelihood N(x_t; √r x_{t−n}, 1 − r), r = α_t/α_{t−n}.
      (p) => {
        const r = p.a / p.b;
        const oneMinusR = oneMinusRatio(p.a, p.b);
        const variance = 1 / (1 / (1 - p.b) + r / oneMinusR);
        const mean = combine([(variance * Math.sqrt(p.b)) / (1 - p.b), p.x0], [(variance * Math.sqrt(r)) / oneMinusR, p.xt]);
        return cat(mean, variance);
      },
    ],
    mutants: [
      {
        slip: 'r for √r in the mean',
        value: (p) => {
          const r = p.a / p.b;
          const oneMinusR = oneMinusRatio(p.a, p.b);
          const variance = 1 / (1 / (1 - p.b) + r / oneMinusR);
          return cat(combine([(variance * Math.sqrt(p.b)) / (1 - p.b), p.x0], [(variance * r) / oneMinusR, p.xt]), variance);
        },
      },
    ],
  }),
  identity({
    id: 'sampler.jump-compose-r',
    chapter,
    uses: { n: true, eta: 1 },
    needs: { targetMin: 1 },
    floor: 1,
    setup: (s, rng) => ({ s, path: oneStepPath({ ...s, eta: 1, free: false }, rng) }),
    sides: [
      (p) => pathR(p.path) ** 2,
      (p) => {
        let prod = 1;
        for (let k = p.s.t; k > p.s.t - p.s.n; k--) prod *= 1 - ddpmPosteriorVariance(p.s.alpha[k], p.s.alpha[k - 1]) / (1 - p.s.alpha[k - 1]);
        return prod;
      },
      (p) => {
        let prod = 1;
        for (let k = p.s.t; k > p.s.t - p.s.n; k--) {
          const [ak, ap] = [p.s.alpha[k], p.s.alpha[k - 1]];
          prod *= (ak * (1 - ap)) / (ap * (1 - ak));
        }
        return prod;
      },
      (p) => {
        const [a, b] = [p.s.alpha[p.s.t], p.s.alpha[p.s.t - p.s.n]];
        return (a * (1 - b)) / (b * (1 - a));
      },
    ],
    mutants: [
      {
        slip: 't − 1 for t − n',
        value: (p) => {
          const [a, b] = [p.s.alpha[p.s.t], p.s.alpha[p.s.t - 1]];
          return (a * (1 - b)) / (b * (1 - a));
        },
      },
    ],
  }),
  identity({
    id: 'sampler.jump-compose-sigma',
    chapter,
    uses: { n: true, eta: 1 },
    needs: { targetMin: 1 },
    floor: 1,
    setup: (s, rng) => ({ a: s.alpha[s.t], b: s.alpha[s.t - s.n], b1: s.alpha[s.t - 1], R: pathR(oneStepPath({ ...s, eta: 1, free: false }, rng)) }),
    sides: [
      (p) => (1 - p.b) * (1 - p.R ** 2),
      (p) => ((1 - p.b) / (1 - p.a)) * oneMinusRatio(p.a, p.b),
      (p) => sigmaEta(1, p.a, p.b) ** 2,
    ],
    mutants: [
      { slip: 't − 1 for t − n', value: (p) => sigmaEta(1, p.a, p.b1) ** 2 },
      { slip: 'R for R²', line: 0, value: (p) => (1 - p.b) * (1 - p.R) },
    ],
  }),
  identity({
    id: 'sampler.last-step',
    chapter,
    uses: { n: false, eta: true },
    setup: (s, rng) => samplerSetup(s, rng, etaStep(s.eta, s.alpha[s.t], 1)),
    sides: [(p) => ddimUpdate(p.xt, p.epsTheta, p.step, p.noise).prev, (p) => p.x0hat],
    mutants: [{ slip: 'α_t for α_0 = 1 (the step not taken)', value: (p) => noisy(p.x0hat, p.epsTheta, p.a) }],
  }),
];
