/** Exercises for "Notation and the forward process": DDIM's α, q(x_t | x_0), schedules. */
import { alphasFromBetas, snr } from '../../core/schedule/alphas.ts';
import { BETA_SCHEDULES, betaSchedule, cosineAlphaBar, type BetaScheduleName } from '../../core/schedule/betas.ts';
import { forwardMoments, forwardSample } from '../../core/forward.ts';
import { sampleGaussianRing } from '../../core/data/gaussian-ring.ts';
import { mulberry32, randint, randn, uniform } from '../../core/rng.ts';
import { meanVariance } from '../../core/stats.ts';
import { defineParams } from '../../widgets/params.ts';
import { defineExercise, type ExerciseLogic } from '../types.ts';
import { draw, fixed, show } from './helpers.ts';
import { scheduleAlphas } from './toy-runs.ts';
import { x0Hat } from './scalar.ts';
import { VAR } from './vars.ts';

const T = 1000;
const alphaAt = (name: BetaScheduleName, t: number) => scheduleAlphas(name)[t];
/** The schedule with the largest α_t (most signal left) at t. */
const mostSignal = (t: number) => BETA_SCHEDULES.reduce((best, s) => (alphaAt(s, t) > alphaAt(best, t) ? s : best));

export const forwardProcess: ExerciseLogic[] = [
  defineExercise({
    id: 'forward-process/alpha-from-betas',
    chapter: 'forward-process',
    kind: 'compute',
    params: {
      defaults: { b1: 0.1, b2: 0.2, b3: 0.3 },
      sample: (rng) => ({ b1: draw(rng, 0.01, 0.3, 2), b2: draw(rng, 0.01, 0.3, 2), b3: draw(rng, 0.01, 0.3, 2) }),
    },
    show: (p) => ({ b1: fixed(p.b1, 2), b2: fixed(p.b2, 2), b3: fixed(p.b3, 2), a3: show(alphasFromBetas([p.b1, p.b2, p.b3])[3], 6) }),
    parts: [
      {
        kind: 'number',
        id: 'alpha3',
        answer: (p) => alphasFromBetas([p.b1, p.b2, p.b3])[3],
        tol: { rel: 1e-4 },
        mistakes: [
          { id: 'ddpmOneStep', value: (p) => 1 - p.b3 },
          { id: 'sumOfBetas', value: (p) => 1 - p.b1 - p.b2 - p.b3 },
        ],
      },
    ],
    checks: [
      {
        id: 'product',
        sample: (rng) => ({ b1: uniform(rng, 0, 0.5), b2: uniform(rng, 0, 0.5), b3: uniform(rng, 0, 0.5) }),
        lhs: (v) => alphasFromBetas([v.b1, v.b2, v.b3])[3],
        rhs: (v) => (1 - v.b1) * (1 - v.b2) * (1 - v.b3),
      },
    ],
  }),
  defineExercise({
    id: 'forward-process/x0-from-xt',
    chapter: 'forward-process',
    kind: 'derive',
    params: { defaults: {}, sample: () => ({}) },
    show: () => ({}),
    parts: [
      {
        kind: 'formula',
        id: 'x0',
        vars: [VAR.xt, VAR.eps, VAR.aT],
        point: (rng) => ({ x_t: uniform(rng, -2, 2), eps: randn(rng, 1)[0], a_t: uniform(rng, 0.02, 0.98) }),
        reference: (v) => x0Hat(v.x_t, v.eps, v.a_t),
        answer: '(x_t - sqrt(1 - a_t)*eps)/sqrt(a_t)',
        mistakes: [
          { id: 'noRoots', f: (v) => (v.x_t - (1 - v.a_t) * v.eps) / v.a_t },
          { id: 'signFlip', f: (v) => (v.x_t + Math.sqrt(1 - v.a_t) * v.eps) / Math.sqrt(v.a_t) },
          { id: 'multiplied', f: (v) => Math.sqrt(v.a_t) * (v.x_t - Math.sqrt(1 - v.a_t) * v.eps) },
        ],
      },
    ],
    checks: [
      {
        id: 'inverts-forward',
        sample: (rng) => ({ x0: uniform(rng, -2, 2), eps: uniform(rng, -3, 3), a: uniform(rng, 0.01, 0.99) }),
        lhs: (v) => x0Hat(forwardSample([v.x0], [v.eps], v.a)[0], v.eps, v.a),
        rhs: (v) => v.x0,
      },
    ],
  }),
  defineExercise({
    id: 'forward-process/snr',
    chapter: 'forward-process',
    kind: 'compute',
    params: { defaults: { a: 0.2 }, sample: (rng) => ({ a: draw(rng, 0.05, 0.95, 3) }) },
    show: (p) => ({ a: fixed(p.a, 3), snr: show(snr(p.a), 6) }),
    parts: [
      {
        kind: 'number',
        id: 'snr',
        answer: (p) => snr(p.a),
        tol: { rel: 1e-3 },
        mistakes: [{ id: 'inverted', value: (p) => (1 - p.a) / p.a }],
      },
    ],
    checks: [
      {
        id: 'snr-moments',
        sample: (rng) => ({ a: uniform(rng, 0.001, 0.999) }),
        lhs: (v) => snr(v.a),
        rhs: (v) => {
          const m = forwardMoments(1, v.a);
          return (m.mean * m.mean) / m.variance;
        },
      },
    ],
  }),
  defineExercise({
    id: 'forward-process/schedule-predict',
    chapter: 'forward-process',
    kind: 'predict',
    params: { defaults: { t: 500 }, sample: (rng) => ({ t: 50 * randint(rng, 2, 18) }) },
    show: (p) => ({ t: String(p.t), al: show(alphaAt('linear', p.t), 4), as: show(alphaAt('scaled_linear', p.t), 4), ac: show(alphaAt('squaredcos_cap_v2', p.t), 4) }),
    parts: [{ kind: 'choice', id: 'schedule', options: [...BETA_SCHEDULES], correct: (p) => mostSignal(p.t) }],
    checks: [
      {
        id: 'cosine-closed-form',
        sample: (rng) => ({ t: randint(rng, 1, 980) }),
        lhs: (v) => alphaAt('squaredcos_cap_v2', v.t),
        rhs: (v) => cosineAlphaBar(v.t / T) / cosineAlphaBar(0),
      },
    ],
    lab: {
      settings: defineParams({ t: { type: 'int', label: 'ex.lab.t', min: 1, max: 1000, default: 500 } }),
      after: 'schedule',
      run: (_p, s) => {
        const t = s.t as number;
        return { t: String(t), linear: show(alphaAt('linear', t), 4), scaled: show(alphaAt('scaled_linear', t), 4), cosine: show(alphaAt('squaredcos_cap_v2', t), 4) };
      },
    },
    widget: (p) => ({ chapter: 'forward-process', anchor: 'fwd', query: { 'fwd.t': String(p.t), 'fwd.schedule': mostSignal(p.t) } }),
  }),
  defineExercise({
    id: 'forward-process/variance-numerically',
    chapter: 'forward-process',
    kind: 'numerically',
    params: { defaults: { t: 300 }, sample: (rng) => ({ t: 25 * randint(rng, 2, 38) }) },
    show: (p) => ({ t: String(p.t), a: show(alphaAt('linear', p.t), 6), v: show(1 - alphaAt('linear', p.t), 6) }),
    parts: [
      { kind: 'number', id: 'variance', answer: (p) => 1 - alphaAt('linear', p.t), tol: { rel: 2e-3 }, mistakes: [{ id: 'alpha', value: (p) => alphaAt('linear', p.t) }] },
      { kind: 'choice', id: 'depends', options: ['no', 'yes'], correct: () => 'no' },
    ],
    checks: [
      {
        id: 'second-moment',
        sample: (rng) => ({ x0: uniform(rng, -2, 2), a: uniform(rng, 0.001, 0.999) }),
        lhs: (v) => {
          const m = forwardMoments(v.x0, v.a);
          return m.mean * m.mean + m.variance;
        },
        rhs: (v) => v.a * v.x0 * v.x0 + 1 - v.a,
      },
    ],
    lab: {
      settings: defineParams({
        t: { type: 'int', label: 'ex.lab.t', min: 1, max: 1000, default: 300 },
        n: { type: 'int', label: 'ex.lab.n', min: 100, max: 100000, default: 5000, step: 100 },
        seed: { type: 'int', label: 'ex.lab.seed', min: 0, max: 99999, default: 1 },
      }),
      run: (_p, s) => {
        const t = s.t as number;
        const n = s.n as number;
        const a = alphaAt('linear', t);
        const x0 = sampleGaussianRing(mulberry32(s.seed as number), n);
        const eps = randn(mulberry32((s.seed as number) ^ 0x9e3779b9), 2 * n);
        const xt = forwardSample(x0, eps, a);
        const residual = xt.map((x, i) => x - Math.sqrt(a) * x0[i]);
        const { mean, variance } = meanVariance(residual);
        const se = (1 - a) * Math.sqrt(2 / (2 * n - 1));
        return { t: String(t), n: String(2 * n), mean: show(mean, 3), variance: show(variance, 5), theory: show(1 - a, 5), se: show(se, 2) };
      },
    },
    widget: (p) => ({ chapter: 'forward-process', anchor: 'fwd', query: { 'fwd.t': String(p.t) } }),
  }),
  defineExercise({
    id: 'forward-process/alphas-code',
    chapter: 'forward-process',
    kind: 'code',
    params: { defaults: {}, sample: () => ({}) },
    show: () => ({}),
    parts: [
      {
        kind: 'code',
        id: 'code',
        fn: 'alphaBar',
        args: ['betas'],
        inputs: (rng) => Array.from({ length: 16 }, () => [Array.from({ length: randint(rng, 1, 10) }, () => uniform(rng, 1e-4, 0.3))]),
        reference: (betas) => Array.from(alphasFromBetas(betas as number[])),
        tol: { rel: 1e-12, abs: 1e-15 },
        solution: 'function alphaBar(betas) {\n  const alpha = [1];\n  for (const b of betas) alpha.push(alpha[alpha.length - 1] * (1 - b));\n  return alpha;\n}',
      },
    ],
    checks: [
      {
        id: 'linear-endpoint',
        sample: (rng) => ({ t: randint(rng, 1, 1000) }),
        lhs: (v) => alphasFromBetas(betaSchedule('linear'))[v.t],
        rhs: (v) => {
          let a = 1;
          for (let s = 1; s <= v.t; s++) a *= 1 - (1e-4 + ((0.02 - 1e-4) * (s - 1)) / 999);
          return a;
        },
      },
    ],
  }),
];
