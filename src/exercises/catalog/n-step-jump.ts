/** Exercises for "The n-step jump": the σ = 0 jump, the notes' induction, jump vs chain. */
import { oracleChain } from '../../core/sampling/oracle-chain.ts';
import { labAlphaBar } from '../../core/sampling/oracle-chain.ts';
import { mulberry32, randn, uniform } from '../../core/rng.ts';
import { defineParams } from '../../widgets/params.ts';
import { defineExercise, type ExerciseLogic } from '../types.ts';
import { alphaPair, draw, fixed, show } from './helpers.ts';
import { maxAbsDiff } from './toy-runs.ts';
import { jump, qMean, step, x0Hat } from './scalar.ts';
import { VAR } from './vars.ts';

/** 0 < α_t < α_{t−n} < 1, unrounded, for formula checks. */
function jumpPoint(rng: Parameters<typeof uniform>[0]) {
  const a_tn = uniform(rng, 0.1, 0.99);
  return { a_tn, a_t: uniform(rng, 0.02, a_tn - 0.01), x_t: uniform(rng, -2, 2), eps: randn(rng, 1)[0] };
}

export const nStepJump: ExerciseLogic[] = [
  defineExercise({
    id: 'n-step-jump/xt-coefficient',
    chapter: 'n-step-jump',
    kind: 'derive',
    params: { defaults: {}, sample: () => ({}) },
    show: () => ({}),
    parts: [
      {
        kind: 'formula',
        id: 'c',
        vars: [VAR.aT, VAR.aTn],
        point: jumpPoint,
        reference: (v) => jump(1, 0, v.a_t, v.a_tn),
        answer: 'sqrt(a_tn)/sqrt(a_t)',
        mistakes: [
          { id: 'notRooted', f: (v) => v.a_tn / v.a_t },
          { id: 'inverted', f: (v) => Math.sqrt(v.a_t / v.a_tn) },
        ],
      },
    ],
    checks: [
      {
        id: 'jump-is-chain',
        sample: (rng) => {
          const a3 = uniform(rng, 0.05, 0.9);
          const a2 = uniform(rng, a3, 0.95);
          const a1 = uniform(rng, a2, 0.99);
          return { a1, a2, a3, x: uniform(rng, -2, 2), z: randn(rng, 1)[0] };
        },
        lhs: (v) => jump(v.x, v.z, v.a3, v.a1),
        rhs: (v) => step(step(v.x, v.z, v.a3, v.a2), v.z, v.a2, v.a1),
      },
    ],
  }),
  defineExercise({
    id: 'n-step-jump/z-coefficient',
    chapter: 'n-step-jump',
    kind: 'derive',
    params: { defaults: {}, sample: () => ({}) },
    show: () => ({}),
    parts: [
      {
        kind: 'formula',
        id: 'c',
        vars: [VAR.aT, VAR.aTn],
        point: jumpPoint,
        reference: (v) => jump(0, 1, v.a_t, v.a_tn),
        answer: 'sqrt(1 - a_tn) - sqrt(a_tn)*sqrt(1 - a_t)/sqrt(a_t)',
        mistakes: [
          { id: 'directionOnly', f: (v) => Math.sqrt(1 - v.a_tn) },
          { id: 'x0Only', f: (v) => (-Math.sqrt(v.a_tn) * Math.sqrt(1 - v.a_t)) / Math.sqrt(v.a_t) },
        ],
      },
    ],
    checks: [
      {
        id: 'linear-in-xt-and-z',
        sample: jumpPoint,
        lhs: (v) => jump(v.x_t, v.eps, v.a_t, v.a_tn),
        rhs: (v) => (Math.sqrt(v.a_tn) / Math.sqrt(v.a_t)) * v.x_t + (Math.sqrt(1 - v.a_tn) - (Math.sqrt(v.a_tn) * Math.sqrt(1 - v.a_t)) / Math.sqrt(v.a_t)) * v.eps,
        // The sides sum terms of size ~1 to a result that can be ~1e-3: measure against the terms.
        floor: (v) =>
          (Math.sqrt(v.a_tn) / Math.sqrt(v.a_t)) * Math.abs(v.x_t) +
          (Math.sqrt(1 - v.a_tn) + (Math.sqrt(v.a_tn) * Math.sqrt(1 - v.a_t)) / Math.sqrt(v.a_t)) * Math.abs(v.eps),
      },
    ],
  }),
  defineExercise({
    id: 'n-step-jump/jump-compute',
    chapter: 'n-step-jump',
    kind: 'compute',
    params: {
      defaults: { aT: 0.25, aTn: 0.81, xt: 0.4, z: -1.1 },
      sample: (rng) => {
        const { aT, aPrev } = alphaPair(rng, { lo: 0.05, hi: 0.97, minGap: 0.1 });
        return { aT, aTn: aPrev, xt: draw(rng, -2, 2, 2), z: draw(rng, -2, 2, 2) };
      },
    },
    show: (p) => ({ aT: fixed(p.aT, 4), aTn: fixed(p.aTn, 4), xt: fixed(p.xt, 2), z: fixed(p.z, 2), x0: show(x0Hat(p.xt, p.z, p.aT), 6), jump: show(jump(p.xt, p.z, p.aT, p.aTn), 6) }),
    parts: [
      {
        kind: 'number',
        id: 'x',
        answer: (p) => jump(p.xt, p.z, p.aT, p.aTn),
        tol: { rel: 1e-3, abs: 1e-5 },
        mistakes: [
          { id: 'x0hat', value: (p) => x0Hat(p.xt, p.z, p.aT) },
          { id: 'noiseNotRooted', value: (p) => Math.sqrt(p.aTn) * x0Hat(p.xt, p.z, p.aT) + (1 - p.aTn) * p.z },
        ],
      },
    ],
    checks: [
      {
        id: 'keeps-x0hat',
        sample: jumpPoint,
        lhs: (v) => x0Hat(jump(v.x_t, v.eps, v.a_t, v.a_tn), v.eps, v.a_tn),
        rhs: (v) => x0Hat(v.x_t, v.eps, v.a_t),
      },
    ],
  }),
  defineExercise({
    id: 'n-step-jump/integral-find-error',
    chapter: 'n-step-jump',
    kind: 'find-error',
    params: { defaults: {}, sample: () => ({}) },
    show: () => ({}),
    parts: [
      { kind: 'choice', id: 'line', options: ['l1', 'l2', 'l3', 'l4'], correct: () => 'l3' },
      { kind: 'number', id: 'integral', answer: () => 1, tol: { abs: 1e-9 } },
    ],
    checks: [
      {
        id: 'induction-step',
        sample: (rng) => {
          const a3 = uniform(rng, 0.05, 0.9);
          const a2 = uniform(rng, a3 + 0.01, 0.95);
          const a1 = uniform(rng, a2 + 0.01, 0.99);
          return { a1, a2, a3, x: uniform(rng, -2, 2), z: randn(rng, 1)[0] };
        },
        lhs: (v) => qMean(x0Hat(v.x, v.z, v.a3), jump(v.x, v.z, v.a3, v.a2), v.a2, v.a1, 0),
        rhs: (v) => jump(v.x, v.z, v.a3, v.a1),
      },
    ],
  }),
  defineExercise({
    id: 'n-step-jump/jump-vs-chain-predict',
    chapter: 'n-step-jump',
    kind: 'predict',
    params: { defaults: {}, sample: () => ({}) },
    show: () => ({}),
    parts: [{ kind: 'choice', id: 'prediction', options: ['rounding', 'small', 'large'], correct: () => 'rounding' }],
    checks: [
      {
        id: 'two-jumps-one-jump',
        sample: jumpPoint,
        lhs: (v) => jump(jump(v.x_t, v.eps, v.a_t, (v.a_t + v.a_tn) / 2), v.eps, (v.a_t + v.a_tn) / 2, v.a_tn),
        rhs: (v) => jump(v.x_t, v.eps, v.a_t, v.a_tn),
      },
    ],
    lab: {
      after: 'prediction',
      settings: defineParams({
        t: { type: 'int', label: 'ex.lab.t', min: 2, max: 999, default: 800 },
        n: { type: 'int', label: 'ex.lab.n.jump', min: 1, max: 999, default: 200 },
        seed: { type: 'int', label: 'ex.lab.seed', min: 0, max: 99999, default: 1 },
      }),
      run(_p, s) {
        const t = s.t as number;
        const n = Math.min(s.n as number, t);
        const rng = mulberry32(s.seed as number);
        const points = 100;
        const x0 = randn(rng, 2 * points).map((v) => 0.5 * v);
        const eps = randn(rng, 2 * points);
        const a = labAlphaBar(t);
        const xt = x0.map((v, i) => Math.sqrt(a) * v + Math.sqrt(1 - a) * eps[i]);
        const once = oracleChain(x0, xt, t, [t - n]);
        const chained = oracleChain(x0, xt, t, Array.from({ length: n }, (_, i) => t - 1 - i));
        return { t: String(t), n: String(n), diff: show(maxAbsDiff(once, chained), 3) };
      },
    },
  }),
  defineExercise({
    id: 'n-step-jump/jump-code',
    chapter: 'n-step-jump',
    kind: 'code',
    params: { defaults: {}, sample: () => ({}) },
    show: () => ({}),
    parts: [
      {
        kind: 'code',
        id: 'code',
        fn: 'jump',
        args: ['xt', 'z', 'alphaT', 'alphaTn'],
        inputs: (rng) =>
          Array.from({ length: 24 }, () => {
            const v = jumpPoint(rng);
            return [v.x_t, v.eps, v.a_t, v.a_tn];
          }),
        reference: (xt, z, aT, aTn) => jump(xt as number, z as number, aT as number, aTn as number),
        tol: { rel: 1e-9, abs: 1e-12 },
        solution: 'function jump(xt, z, alphaT, alphaTn) {\n  const x0 = (xt - Math.sqrt(1 - alphaT) * z) / Math.sqrt(alphaT);\n  return Math.sqrt(alphaTn) * x0 + Math.sqrt(1 - alphaTn) * z;\n}',
      },
    ],
    checks: [
      {
        id: 'jump-to-zero',
        sample: jumpPoint,
        lhs: (v) => jump(v.x_t, v.eps, v.a_t, 1),
        rhs: (v) => x0Hat(v.x_t, v.eps, v.a_t),
      },
    ],
  }),
];
