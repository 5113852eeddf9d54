/** Exercises for "The sampler family": eq. 12, σ_t(η) (eq. 16), the DDPM limit, σ̂. */
import { betaOf, betaTilde, ddpmMeanEps, sigma as ddimSigma, sigmaHatOf as ddimSigmaHat, step } from './scalar.ts';
import { randn, uniform } from '../../core/rng.ts';
import { defineParams } from '../../widgets/params.ts';
import { defineExercise, type ExerciseLogic } from '../types.ts';
import { alphaPair, alphaPoint, draw, fixed, show } from './helpers.ts';
import { maxAbsDiff, sampleToy } from './toy-runs.ts';
import { VAR } from './vars.ts';

const sigma2Ref = (v: Record<string, number>) => ddimSigma(v.a_t, v.a_prev, v.eta) ** 2;
/** ε's total coefficient in eq. 12: −√α_{t−1}√(1−α_t)/√α_t + √(1 − α_{t−1} − σ²). */
const epsCoefficient = (aT: number, aPrev: number, s: number) => step(0, 1, aT, aPrev, s);

export const samplerFamily: ExerciseLogic[] = [
  defineExercise({
    id: 'sampler-family/sigma-eta',
    chapter: 'sampler-family',
    kind: 'compute',
    params: {
      defaults: { aT: 0.5, aPrev: 0.6, eta: 0.5 },
      sample: (rng) => ({ ...alphaPair(rng, { lo: 0.1, hi: 0.95 }), eta: draw(rng, 0.1, 1, 2) }),
    },
    show: (p) => ({ aT: fixed(p.aT, 4), aPrev: fixed(p.aPrev, 4), eta: fixed(p.eta, 2), sigma: show(ddimSigma(p.aT, p.aPrev, p.eta), 6), sigma1: show(ddimSigma(p.aT, p.aPrev, 1), 6) }),
    parts: [
      {
        kind: 'number',
        id: 'sigma',
        answer: (p) => ddimSigma(p.aT, p.aPrev, p.eta),
        tol: { rel: 1e-3 },
        mistakes: [
          { id: 'etaInsideRoot', value: (p) => Math.sqrt(p.eta) * ddimSigma(p.aT, p.aPrev, 1) },
          { id: 'secondFactorNotRooted', value: (p) => p.eta * Math.sqrt((1 - p.aPrev) / (1 - p.aT)) * (1 - p.aT / p.aPrev) },
        ],
      },
    ],
    checks: [
      {
        id: 'ddpm-limit',
        sample: (rng) => alphaPoint(rng),
        lhs: (v) => ddimSigma(v.a_t, v.a_prev, 1) ** 2,
        rhs: (v) => betaTilde(v.a_t, v.a_prev),
      },
    ],
  }),
  defineExercise({
    id: 'sampler-family/sigma-squared-formula',
    chapter: 'sampler-family',
    kind: 'derive',
    params: { defaults: {}, sample: () => ({}) },
    show: () => ({}),
    parts: [
      {
        kind: 'formula',
        id: 'sigma2',
        vars: [VAR.aT, VAR.aPrev, VAR.eta],
        point: (rng) => ({ ...alphaPoint(rng), eta: uniform(rng, 0, 1) }),
        reference: sigma2Ref,
        answer: 'eta^2 * (1 - a_prev)/(1 - a_t) * (1 - a_t/a_prev)',
        mistakes: [
          { id: 'etaNotSquared', f: (v) => (v.eta * (1 - v.a_prev) * (1 - v.a_t / v.a_prev)) / (1 - v.a_t) },
          { id: 'ratioInverted', f: (v) => (v.eta ** 2 * (1 - v.a_t) * (1 - v.a_t / v.a_prev)) / (1 - v.a_prev) },
        ],
        probes: [{ name: 'eta', special: [0, 1], contrast: 0.5 }],
      },
    ],
    checks: [
      {
        id: 'sigma2-expanded',
        sample: (rng) => ({ ...alphaPoint(rng), eta: uniform(rng, 0, 1) }),
        lhs: sigma2Ref,
        rhs: (v) => (v.eta ** 2 * (1 - v.a_prev) * (v.a_prev - v.a_t)) / ((1 - v.a_t) * v.a_prev),
      },
    ],
  }),
  defineExercise({
    id: 'sampler-family/update-formula',
    chapter: 'sampler-family',
    kind: 'derive',
    params: { defaults: {}, sample: () => ({}) },
    show: () => ({}),
    parts: [
      {
        kind: 'formula',
        id: 'update',
        vars: [VAR.xt, VAR.eps, VAR.z, VAR.aT, VAR.aPrev, VAR.eta, VAR.sigma],
        point(rng) {
          const [eps, z] = randn(rng, 2);
          return this.complete!({ ...alphaPoint(rng), x_t: uniform(rng, -2, 2), eps, z, eta: uniform(rng, 0, 1) });
        },
        complete: (v) => ({ ...v, sigma: ddimSigma(v.a_t, v.a_prev, v.eta) }),
        reference: (v) => step(v.x_t, v.eps, v.a_t, v.a_prev, v.sigma, v.z),
        answer: 'sqrt(a_prev)*(x_t - sqrt(1-a_t)*eps)/sqrt(a_t) + sqrt(1 - a_prev - sigma^2)*eps + sigma*z',
        mistakes: [
          {
            id: 'sigmaSquaredNoise',
            f: (v) => step(v.x_t, v.eps, v.a_t, v.a_prev, v.sigma) + v.sigma ** 2 * v.z,
          },
          {
            id: 'directionWithoutSigma',
            f: (v) => step(v.x_t, v.eps, v.a_t, v.a_prev) + v.sigma * v.z,
          },
          {
            id: 'alphaNotRooted',
            f: (v) => (v.a_prev * (v.x_t - Math.sqrt(1 - v.a_t) * v.eps)) / v.a_t + Math.sqrt(1 - v.a_prev - v.sigma ** 2) * v.eps + v.sigma * v.z,
          },
        ],
        probes: [{ name: 'eta', special: [0], contrast: 0.5 }],
      },
    ],
    checks: [
      {
        id: 'eta0-deterministic',
        sample: (rng) => ({ ...alphaPoint(rng), x_t: uniform(rng, -2, 2), eps: uniform(rng, -2, 2) }),
        lhs: (v) => step(v.x_t, v.eps, v.a_t, v.a_prev, 0, 5),
        rhs: (v) => Math.sqrt(v.a_prev) * ((v.x_t - Math.sqrt(1 - v.a_t) * v.eps) / Math.sqrt(v.a_t)) + Math.sqrt(1 - v.a_prev) * v.eps,
      },
    ],
  }),
  defineExercise({
    id: 'sampler-family/ddpm-eps-coefficient',
    chapter: 'sampler-family',
    kind: 'compute',
    params: {
      defaults: { aT: 0.81, aPrev: 0.9 },
      sample: (rng) => alphaPair(rng, { lo: 0.2, hi: 0.99 }),
    },
    show: (p) => {
      const sigma = ddimSigma(p.aT, p.aPrev, 1);
      const beta = 1 - p.aT / p.aPrev;
      return { aT: fixed(p.aT, 4), aPrev: fixed(p.aPrev, 4), sigma: show(sigma, 6), beta: show(beta, 6), coef: show(epsCoefficient(p.aT, p.aPrev, sigma), 6) };
    },
    parts: [
      {
        kind: 'number',
        id: 'coef',
        answer: (p) => epsCoefficient(p.aT, p.aPrev, ddimSigma(p.aT, p.aPrev, 1)),
        tol: { rel: 1e-3, abs: 1e-6 },
        mistakes: [
          { id: 'sigmaZero', value: (p) => epsCoefficient(p.aT, p.aPrev, 0) },
          { id: 'directionOnly', value: (p) => Math.sqrt(1 - p.aPrev - ddimSigma(p.aT, p.aPrev, 1) ** 2) },
        ],
      },
    ],
    checks: [
      {
        id: 'ddpm-eps-coefficient',
        sample: (rng) => alphaPoint(rng),
        lhs: (v) => epsCoefficient(v.a_t, v.a_prev, ddimSigma(v.a_t, v.a_prev, 1)),
        rhs: (v) => {
          const beta = betaOf(v.a_t, v.a_prev);
          return -beta / (Math.sqrt(1 - beta) * Math.sqrt(1 - v.a_t));
        },
      },
    ],
  }),
  defineExercise({
    id: 'sampler-family/sigma-hat-ratio',
    chapter: 'sampler-family',
    kind: 'compute',
    params: {
      defaults: { aT: 0.3, aPrev: 0.32 },
      sample: (rng) => alphaPair(rng, { lo: 0.05, hi: 0.9, minGap: 0.01 }),
    },
    show: (p) => ({
      aT: fixed(p.aT, 4),
      aPrev: fixed(p.aPrev, 4),
      ratio: show(ddimSigmaHat(p.aT, p.aPrev) / ddimSigma(p.aT, p.aPrev, 1), 6),
    }),
    parts: [
      {
        kind: 'number',
        id: 'ratio',
        answer: (p) => ddimSigmaHat(p.aT, p.aPrev) / ddimSigma(p.aT, p.aPrev, 1),
        tol: { rel: 1e-3 },
        mistakes: [{ id: 'inverted', value: (p) => ddimSigma(p.aT, p.aPrev, 1) / ddimSigmaHat(p.aT, p.aPrev) }],
      },
    ],
    checks: [
      {
        id: 'sigma-hat-ratio',
        sample: (rng) => alphaPoint(rng),
        lhs: (v) => ddimSigmaHat(v.a_t, v.a_prev) / ddimSigma(v.a_t, v.a_prev, 1),
        rhs: (v) => Math.sqrt((1 - v.a_t) / (1 - v.a_prev)),
      },
    ],
  }),
  defineExercise({
    id: 'sampler-family/eta-zero-predict',
    chapter: 'sampler-family',
    kind: 'predict',
    params: { defaults: {}, sample: () => ({}) },
    show: () => ({}),
    parts: [{ kind: 'choice', id: 'prediction', options: ['identical', 'close', 'different'], correct: () => 'identical' }],
    checks: [
      {
        id: 'eta0-noise-free',
        sample: (rng) => ({ ...alphaPoint(rng), x_t: uniform(rng, -2, 2), eps: uniform(rng, -2, 2), z: uniform(rng, -3, 3) }),
        lhs: (v) => step(v.x_t, v.eps, v.a_t, v.a_prev, ddimSigma(v.a_t, v.a_prev, 0), v.z),
        rhs: (v) => step(v.x_t, v.eps, v.a_t, v.a_prev),
      },
    ],
    lab: {
      after: 'prediction',
      settings: defineParams({
        eta: { type: 'float', label: 'ex.lab.eta', min: 0, max: 1, default: 0, step: 0.05 },
        S: { type: 'int', label: 'ex.lab.steps', min: 1, max: 200, default: 20 },
        seedA: { type: 'int', label: 'ex.lab.noiseSeedA', min: 0, max: 9999, default: 1 },
        seedB: { type: 'int', label: 'ex.lab.noiseSeedB', min: 0, max: 9999, default: 2 },
      }),
      run(_p, s) {
        const common = { S: s.S as number, eta: s.eta as number, n: 200, seed: 7 };
        const a = sampleToy({ ...common, noiseSeed: s.seedA as number });
        const b = sampleToy({ ...common, noiseSeed: s.seedB as number });
        return { diff: show(maxAbsDiff(a, b), 3), eta: fixed(s.eta as number, 2), S: String(s.S) };
      },
    },
  }),
  defineExercise({
    id: 'sampler-family/sigma-code',
    chapter: 'sampler-family',
    kind: 'code',
    params: { defaults: {}, sample: () => ({}) },
    show: () => ({}),
    parts: [
      {
        kind: 'code',
        id: 'code',
        fn: 'sigma',
        args: ['alphaT', 'alphaPrev', 'eta'],
        inputs(rng) {
          return Array.from({ length: 24 }, (_, i) => {
            const { a_t, a_prev } = alphaPoint(rng, { lo: 0.01, hi: 0.999 });
            return [a_t, a_prev, i === 0 ? 0 : i === 1 ? 1 : uniform(rng, 0, 1)];
          });
        },
        reference: (aT, aPrev, eta) => ddimSigma(aT as number, aPrev as number, eta as number),
        tol: { rel: 1e-9, abs: 1e-12 },
        solution: 'function sigma(alphaT, alphaPrev, eta) {\n  return eta * Math.sqrt((1 - alphaPrev) / (1 - alphaT)) * Math.sqrt(1 - alphaT / alphaPrev);\n}',
      },
    ],
    checks: [
      {
        id: 'sigma-eta1-is-ddpm',
        sample: (rng) => alphaPoint(rng),
        lhs: (v) => ddimSigma(v.a_t, v.a_prev, 1) ** 2,
        rhs: (v) => ((1 - v.a_prev) / (1 - v.a_t)) * (1 - v.a_t / v.a_prev),
      },
    ],
  }),
  defineExercise({
    id: 'sampler-family/ddim-step-code',
    chapter: 'sampler-family',
    kind: 'code',
    params: { defaults: {}, sample: () => ({}) },
    show: () => ({}),
    parts: [
      {
        kind: 'code',
        id: 'code',
        fn: 'ddimStep',
        args: ['xt', 'eps', 'alphaT', 'alphaPrev', 'eta', 'z'],
        inputs(rng) {
          return Array.from({ length: 24 }, (_, i) => {
            const { a_t, a_prev } = alphaPoint(rng, { lo: 0.01, hi: 0.999 });
            const [eps, z] = randn(rng, 2);
            return [uniform(rng, -3, 3), eps, a_t, a_prev, i < 4 ? 0 : uniform(rng, 0, 1), z];
          });
        },
        reference: (xt, eps, aT, aPrev, eta, z) =>
          step(xt as number, eps as number, aT as number, aPrev as number, ddimSigma(aT as number, aPrev as number, eta as number), z as number),
        tol: { rel: 1e-9, abs: 1e-12 },
        solution: [
          'function ddimStep(xt, eps, alphaT, alphaPrev, eta, z) {',
          '  const x0 = (xt - Math.sqrt(1 - alphaT) * eps) / Math.sqrt(alphaT);',
          '  const sigma = eta * Math.sqrt((1 - alphaPrev) / (1 - alphaT)) * Math.sqrt(1 - alphaT / alphaPrev);',
          '  return Math.sqrt(alphaPrev) * x0 + Math.sqrt(1 - alphaPrev - sigma * sigma) * eps + sigma * z;',
          '}',
        ].join('\n'),
      },
    ],
    checks: [
      {
        id: 'step-eta1-mean-is-ddpm',
        sample: (rng) => ({ ...alphaPoint(rng), x_t: uniform(rng, -2, 2), eps: uniform(rng, -2, 2) }),
        lhs: (v) => step(v.x_t, v.eps, v.a_t, v.a_prev, ddimSigma(v.a_t, v.a_prev, 1)),
        rhs: (v) => ddpmMeanEps(v.x_t, v.eps, v.a_t, v.a_prev),
      },
    ],
  }),
];
