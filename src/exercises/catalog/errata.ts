/** Exercises for "Errata in the source notes": each mistake found, fixed and measured. */
import { sampleMixture as sampleData } from '../../core/data/mixture.ts';
import { mulberry32, randn, uniform } from '../../core/rng.ts';
import { defineParams } from '../../widgets/params.ts';
import { defineExercise, type ExerciseLogic } from '../types.ts';
import { alphaPoint, draw, fixed, show } from './helpers.ts';
import { sampleToy, sampleToyNotes, TOY_MIXTURE, xSpread } from './toy-runs.ts';
import { betaTilde, ddpmMeanEps, qCoefficients, sigma as sigmaEta, step } from './scalar.ts';
import { VAR } from './vars.ts';

/** The variance identity that needs σ_t (not σ_t²) on the noise: k_t²(1 − α_t) + σ_t² = 1 − α_{t−1}. */
const lemmaIdentity = (id: string) => ({
  id,
  sample: (rng: Parameters<typeof uniform>[0]) => {
    const p = alphaPoint(rng, { hi: 0.9 });
    return { ...p, sigma: uniform(rng, 0, Math.sqrt(1 - p.a_prev)) };
  },
  lhs: (v: Record<string, number>) => qCoefficients(v.a_t, v.a_prev, v.sigma).k ** 2 * (1 - v.a_t) + v.sigma ** 2,
  rhs: (v: Record<string, number>) => 1 - v.a_prev,
});

/** A DDPM-notation point: ᾱ_t, β_t with ᾱ_{t−1} = ᾱ_t/(1 − β_t) ≤ 1. */
function ddpmPoint(rng: Parameters<typeof uniform>[0]) {
  const abar = uniform(rng, 0.05, 0.95);
  return { abar, beta: uniform(rng, 0.001, Math.min(0.3, 1 - abar) * 0.99), x_t: uniform(rng, -2, 2), eps: randn(rng, 1)[0] };
}

export const errata: ExerciseLogic[] = [
  defineExercise({
    id: 'errata/noise-term',
    chapter: 'errata',
    kind: 'find-error',
    params: { defaults: { s: 0.5 }, sample: (rng) => ({ s: draw(rng, 0.1, 0.9, 2) }) },
    show: (p) => ({ s: fixed(p.s, 2), lost: show(p.s ** 2 - p.s ** 4, 6) }),
    parts: [
      { kind: 'choice', id: 'term', options: ['x0', 'direction', 'noise'], correct: () => 'noise' },
      {
        kind: 'formula',
        id: 'coef',
        vars: [VAR.sigma],
        point: (rng) => ({ sigma: uniform(rng, 0, 1) }),
        reference: (v) => v.sigma,
        answer: 'sigma',
        mistakes: [{ id: 'sigmaSquared', f: (v) => v.sigma ** 2 }],
        probes: [{ name: 'sigma', special: [0, 1], contrast: 0.3 }],
      },
      { kind: 'number', id: 'lost', answer: (p) => p.s ** 2 - p.s ** 4, tol: { rel: 1e-3, abs: 1e-6 }, mistakes: [{ id: 'lostFourth', value: (p) => p.s ** 4 }] },
    ],
    checks: [lemmaIdentity('variance-needs-sigma')],
  }),
  defineExercise({
    id: 'errata/eta-linear',
    chapter: 'errata',
    kind: 'find-error',
    params: { defaults: { eta: 0.5 }, sample: (rng) => ({ eta: draw(rng, 0.1, 0.9, 2) }) },
    show: (p) => ({ eta: fixed(p.eta, 2), ratio: show(1 / p.eta, 6) }),
    parts: [
      { kind: 'number', id: 'ratio', answer: (p) => 1 / p.eta, tol: { rel: 1e-3 }, mistakes: [{ id: 'etaItself', value: (p) => p.eta }] },
      { kind: 'choice', id: 'agree', options: ['ends', 'all', 'none'], correct: () => 'ends' },
    ],
    checks: [
      {
        id: 'sigma2-eta-squared',
        sample: (rng) => ({ ...alphaPoint(rng), eta: uniform(rng, 0, 1) }),
        lhs: (v) => sigmaEta(v.a_t, v.a_prev, v.eta) ** 2,
        rhs: (v) => v.eta ** 2 * betaTilde(v.a_t, v.a_prev),
      },
    ],
  }),
  defineExercise({
    id: 'errata/alpha-typo',
    chapter: 'errata',
    kind: 'find-error',
    params: { defaults: {}, sample: () => ({}) },
    show: () => ({}),
    parts: [
      { kind: 'choice', id: 'symbol', options: ['a1', 'a2', 'a3'], correct: () => 'a2' },
      { kind: 'number', id: 'n', answer: () => 1, tol: { abs: 1e-9 } },
    ],
    checks: [
      {
        id: 'x0-coefficient',
        sample: (rng) => {
          const { a_t, a_prev } = alphaPoint(rng);
          return { a_tn: a_t, a_tn1: a_prev };
        },
        lhs: (v) => qCoefficients(v.a_tn, v.a_tn1, 0).lambda,
        rhs: (v) => Math.sqrt(v.a_tn1) - Math.sqrt(v.a_tn * (1 - v.a_tn1)) / Math.sqrt(1 - v.a_tn),
      },
    ],
  }),
  defineExercise({
    id: 'errata/ddpm-parenthesis',
    chapter: 'errata',
    kind: 'find-error',
    params: { defaults: {}, sample: () => ({}) },
    show: () => ({}),
    parts: [
      {
        kind: 'formula',
        id: 'mean',
        vars: [VAR.xt, VAR.eps, VAR.beta, VAR.abar],
        point: ddpmPoint,
        reference: (v) => ddpmMeanEps(v.x_t, v.eps, v.abar, v.abar / (1 - v.beta)),
        answer: '(x_t - beta/sqrt(1 - abar)*eps)/sqrt(1 - beta)',
        mistakes: [
          { id: 'notesParen', f: (v) => ((v.x_t - v.beta / Math.sqrt(1 - v.abar)) * v.eps) / Math.sqrt(1 - v.beta) },
          { id: 'alphaBarInFront', f: (v) => (v.x_t - (v.beta / Math.sqrt(1 - v.abar)) * v.eps) / Math.sqrt(v.abar) },
        ],
      },
    ],
    checks: [
      {
        id: 'eta1-mean-is-ddpm',
        sample: (rng) => ({ ...alphaPoint(rng), x_t: uniform(rng, -2, 2), eps: randn(rng, 1)[0] }),
        lhs: (v) => step(v.x_t, v.eps, v.a_t, v.a_prev, sigmaEta(v.a_t, v.a_prev, 1)),
        rhs: (v) => ddpmMeanEps(v.x_t, v.eps, v.a_t, v.a_prev),
      },
    ],
  }),
  defineExercise({
    id: 'errata/sigma-squared-predict',
    chapter: 'errata',
    kind: 'predict',
    params: { defaults: {}, sample: () => ({}) },
    show: () => ({}),
    parts: [{ kind: 'choice', id: 'prediction', options: ['less', 'same', 'more'], correct: () => 'less' }],
    checks: [lemmaIdentity('marginal-needs-sigma')],
    lab: {
      after: 'prediction',
      settings: defineParams({
        S: { type: 'int', label: 'ex.lab.steps', min: 2, max: 200, default: 50 },
        seed: { type: 'int', label: 'ex.lab.seed', min: 0, max: 9999, default: 1 },
      }),
      run(_p, s) {
        const common = { S: s.S as number, eta: 1, n: 1000, seed: s.seed as number, noiseSeed: (s.seed as number) + 1 };
        const data = sampleData(TOY_MIXTURE, mulberry32((s.seed as number) + 2), 1000);
        return {
          S: String(s.S),
          data: show(xSpread(data), 3),
          paper: show(xSpread(sampleToy(common)), 3),
          notes: show(xSpread(sampleToyNotes(common)), 3),
        };
      },
    },
  }),
];

