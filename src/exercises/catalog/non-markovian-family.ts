/** Exercises for "The non-Markovian family q_σ": eq. 7's coefficients, Lemma 1. */
import { randn, uniform } from '../../core/rng.ts';
import { defineParams } from '../../widgets/params.ts';
import { defineExercise, type ExerciseLogic } from '../types.ts';
import { alphaPair, alphaPoint, draw, fixed, show } from './helpers.ts';
import { lemma1Chain } from './toy-runs.ts';
import { betaTilde, ddpmMean, qCoefficients, qMean, sigma as sigmaEta, step } from './scalar.ts';
import { VAR } from './vars.ts';

/** α_0 = 1, …, α_10 of the ten-step toy schedule the Lemma 1 exercise prints. */
export const TOY_ALPHAS = [1, 0.98, 0.93, 0.85, 0.75, 0.63, 0.5, 0.37, 0.25, 0.14, 0.06];

/** A point with σ allowed by 1 − α_{t−1} − σ² ≥ 0. */
function sigmaPoint(rng: Parameters<typeof uniform>[0]) {
  const p = alphaPoint(rng, { hi: 0.9 });
  return { ...p, sigma: uniform(rng, 0, Math.sqrt(1 - p.a_prev)) };
}
const k = (v: Record<string, number>) => qCoefficients(v.a_t, v.a_prev, v.sigma).k;
const lambda = (v: Record<string, number>) => qCoefficients(v.a_t, v.a_prev, v.sigma).lambda;
const varianceMatches = {
  sample: sigmaPoint,
  lhs: (v: Record<string, number>) => k(v) ** 2 * (1 - v.a_t) + v.sigma ** 2,
  rhs: (v: Record<string, number>) => 1 - v.a_prev,
};

export const nonMarkovianFamily: ExerciseLogic[] = [
  defineExercise({
    id: 'non-markovian-family/xt-coefficient',
    chapter: 'non-markovian-family',
    kind: 'derive',
    params: { defaults: {}, sample: () => ({}) },
    show: () => ({}),
    parts: [
      {
        kind: 'formula',
        id: 'k',
        vars: [VAR.aT, VAR.aPrev, VAR.sigma],
        point: sigmaPoint,
        reference: k,
        answer: 'sqrt(1 - a_prev - sigma^2)/sqrt(1 - a_t)',
        mistakes: [
          { id: 'noSigma', f: (v) => Math.sqrt(1 - v.a_prev) / Math.sqrt(1 - v.a_t) },
          { id: 'sigmaNotSquared', f: (v) => Math.sqrt(1 - v.a_prev - v.sigma) / Math.sqrt(1 - v.a_t) },
          { id: 'noRoot', f: (v) => (1 - v.a_prev - v.sigma ** 2) / (1 - v.a_t) },
        ],
        probes: [{ name: 'sigma', special: [0], contrast: 0.25 }],
      },
    ],
    checks: [{ id: 'variance-match', ...varianceMatches }],
  }),
  defineExercise({
    id: 'non-markovian-family/x0-coefficient',
    chapter: 'non-markovian-family',
    kind: 'derive',
    params: { defaults: {}, sample: () => ({}) },
    show: () => ({}),
    parts: [
      {
        kind: 'formula',
        id: 'lambda',
        vars: [VAR.aT, VAR.aPrev, VAR.sigma],
        point: sigmaPoint,
        reference: lambda,
        answer: 'sqrt(a_prev) - sqrt(a_t)*sqrt(1 - a_prev - sigma^2)/sqrt(1 - a_t)',
        mistakes: [
          { id: 'onlySqrtPrev', f: (v) => Math.sqrt(v.a_prev) },
          { id: 'plusSign', f: (v) => Math.sqrt(v.a_prev) + Math.sqrt(v.a_t) * k(v) },
        ],
        probes: [{ name: 'sigma', special: [0], contrast: 0.25 }],
      },
    ],
    checks: [
      {
        id: 'mean-match',
        sample: sigmaPoint,
        lhs: (v) => k(v) * Math.sqrt(v.a_t) + lambda(v),
        rhs: (v) => Math.sqrt(v.a_prev),
      },
    ],
  }),
  defineExercise({
    id: 'non-markovian-family/mean-compute',
    chapter: 'non-markovian-family',
    kind: 'compute',
    params: {
      defaults: { aT: 0.36, aPrev: 0.64, x0: 0.5, xt: 1.2, eta: 1 },
      sample: (rng) => ({ ...alphaPair(rng, { lo: 0.1, hi: 0.9, minGap: 0.05 }), x0: draw(rng, -1, 1, 2), xt: draw(rng, -2, 2, 2), eta: draw(rng, 0, 1, 1) }),
    },
    show: (p) => {
      const s = sigmaEta(p.aT, p.aPrev, p.eta);
      return { aT: fixed(p.aT, 4), aPrev: fixed(p.aPrev, 4), x0: fixed(p.x0, 2), xt: fixed(p.xt, 2), eta: fixed(p.eta, 1), sigma: show(s, 6), mean: show(qMean(p.x0, p.xt, p.aT, p.aPrev, s), 6) };
    },
    parts: [
      {
        kind: 'number',
        id: 'mean',
        answer: (p) => qMean(p.x0, p.xt, p.aT, p.aPrev, sigmaEta(p.aT, p.aPrev, p.eta)),
        tol: { rel: 1e-3, abs: 1e-5 },
        mistakes: [{ id: 'sigmaIgnored', value: (p) => qMean(p.x0, p.xt, p.aT, p.aPrev, 0) }],
      },
    ],
    checks: [
      {
        id: 'eta1-is-ddpm',
        sample: (rng) => ({ ...alphaPoint(rng), x0: uniform(rng, -2, 2), x_t: uniform(rng, -2, 2) }),
        lhs: (v) => qMean(v.x0, v.x_t, v.a_t, v.a_prev, Math.sqrt(betaTilde(v.a_t, v.a_prev))),
        rhs: (v) => ddpmMean(v.x_t, v.x0, v.a_t, v.a_prev),
      },
    ],
  }),
  defineExercise({
    id: 'non-markovian-family/lemma1-find-error',
    chapter: 'non-markovian-family',
    kind: 'find-error',
    params: { defaults: {}, sample: () => ({}) },
    show: () => ({}),
    parts: [
      { kind: 'choice', id: 'line', options: ['l1', 'l2', 'l3', 'l4'], correct: () => 'l3' },
      {
        kind: 'formula',
        id: 'fixed',
        vars: [VAR.aT, VAR.aPrev, VAR.sigma],
        point: sigmaPoint,
        reference: (v) => k(v) ** 2 * (1 - v.a_t) + v.sigma ** 2,
        answer: '(1 - a_prev - sigma^2)/(1 - a_t)*(1 - a_t) + sigma^2',
        mistakes: [{ id: 'kNotSquared', f: (v) => k(v) * (1 - v.a_t) + v.sigma ** 2 }],
        probes: [{ name: 'sigma', special: [0], contrast: 0.25 }],
      },
    ],
    checks: [{ id: 'variance-corrected', ...varianceMatches }],
  }),
  defineExercise({
    id: 'non-markovian-family/lemma1-numerically',
    chapter: 'non-markovian-family',
    kind: 'numerically',
    params: { defaults: { t: 4, x0: 0.8 }, sample: (rng) => ({ t: 1 + Math.floor(rng.next() * 8), x0: draw(rng, -1, 1, 1) }) },
    show: (p) => ({ t: String(p.t), x0: fixed(p.x0, 1), at: fixed(TOY_ALPHAS[p.t], 2), v: show(1 - TOY_ALPHAS[p.t], 4), m: show(Math.sqrt(TOY_ALPHAS[p.t]) * p.x0, 4) }),
    parts: [
      { kind: 'number', id: 'variance', answer: (p) => 1 - TOY_ALPHAS[p.t], tol: { rel: 1e-3 } },
      { kind: 'choice', id: 'eta', options: ['no', 'grows', 'shrinks'], correct: () => 'no' },
    ],
    checks: [{ id: 'lemma-step', ...varianceMatches }],
    lab: {
      settings: defineParams({
        eta: { type: 'float', label: 'ex.lab.eta', min: 0, max: 1, default: 0.5, step: 0.05 },
        n: { type: 'int', label: 'ex.lab.n', min: 100, max: 100000, default: 20000, step: 100 },
        seed: { type: 'int', label: 'ex.lab.seed', min: 0, max: 99999, default: 1 },
      }),
      run: (p, s) => {
        const n = s.n as number;
        const { mean, variance } = lemma1Chain({ alphas: TOY_ALPHAS, x0: p.x0, eta: s.eta as number, n, seed: s.seed as number, stopAt: p.t });
        const a = TOY_ALPHAS[p.t];
        return {
          eta: fixed(s.eta as number, 2),
          n: String(n),
          mean: show(mean, 4),
          variance: show(variance, 4),
          m: show(Math.sqrt(a) * p.x0, 4),
          v: show(1 - a, 4),
          se: show((1 - a) * Math.sqrt(2 / (n - 1)), 2),
        };
      },
    },
  }),
  defineExercise({
    id: 'non-markovian-family/qmean-code',
    chapter: 'non-markovian-family',
    kind: 'code',
    params: { defaults: {}, sample: () => ({}) },
    show: () => ({}),
    parts: [
      {
        kind: 'code',
        id: 'code',
        fn: 'qMean',
        args: ['x0', 'xt', 'alphaT', 'alphaPrev', 'sigma'],
        inputs: (rng) =>
          Array.from({ length: 24 }, (_, i) => {
            const v = sigmaPoint(rng);
            return [uniform(rng, -2, 2), uniform(rng, -3, 3), v.a_t, v.a_prev, i < 3 ? 0 : v.sigma];
          }),
        reference: (x0, xt, aT, aPrev, s) => qMean(x0 as number, xt as number, aT as number, aPrev as number, s as number),
        tol: { rel: 1e-9, abs: 1e-12 },
        solution: [
          'function qMean(x0, xt, alphaT, alphaPrev, sigma) {',
          '  const k = Math.sqrt((1 - alphaPrev - sigma * sigma) / (1 - alphaT));',
          '  return Math.sqrt(alphaPrev) * x0 + k * (xt - Math.sqrt(alphaT) * x0);',
          '}',
        ].join('\n'),
      },
    ],
    checks: [
      {
        id: 'sigma0-is-ddim',
        sample: (rng) => ({ ...alphaPoint(rng), x0: uniform(rng, -2, 2), eps: randn(rng, 1)[0] }),
        lhs: (v) => qMean(v.x0, Math.sqrt(v.a_t) * v.x0 + Math.sqrt(1 - v.a_t) * v.eps, v.a_t, v.a_prev, 0),
        rhs: (v) => step(Math.sqrt(v.a_t) * v.x0 + Math.sqrt(1 - v.a_t) * v.eps, v.eps, v.a_t, v.a_prev),
      },
    ],
  }),
];
