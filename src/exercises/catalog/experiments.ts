/**
 * Exercises for "The claims on samples, and the paper's experiments in 2D": Table 1 (σ̂ at few
 * steps), consistency and why it needs η = 0, interpolation (slerp against the straight line),
 * DDIM inversion and the Table 2 analogue.
 */
import { sampleMixture } from '../../core/data/mixture.ts';
import { PAPER_TABLE2_CIFAR10, PAPER_TABLE2_S } from '../../core/experiments/paper-tables.ts';
import { mulberry32, randint, randn, uniform, type Rng } from '../../core/rng.ts';
import { angleBetween, slerp } from '../../core/slerp.ts';
import { combine } from '../../core/vec.ts';
import { defineParams } from '../../widgets/params.ts';
import { defineExercise, type ExerciseLogic } from '../types.ts';
import { draw, fixed, show } from './helpers.ts';
import { invert, sigma, sigmaHatOf, step } from './scalar.ts';
import { meanDistance, meanLogLikelihood, reconstruction, sampleToy, TOY_MIXTURE } from './toy-runs.ts';
import { VAR } from './vars.ts';

/** A valid random point for the inversion formulas: 0 < α_{t+1} < α_t < 1, unrounded. */
function upPoint(rng: Rng): { a_t: number; a_next: number } {
  const a_t = uniform(rng, 0.07, 0.99);
  return { a_t, a_next: uniform(rng, 0.05, a_t - 0.01) };
}

/** slerp's weights (w_x, w_y) read off src/core's slerp between unit vectors at angle θ (radians). */
function slerpWeights(theta: number, lambda: number): { wx: number; wy: number } {
  const out = slerp([1, 0], [Math.cos(theta), Math.sin(theta)], lambda);
  const wy = out[1] / Math.sin(theta);
  return { wx: out[0] - wy * Math.cos(theta), wy };
}
const rad = (deg: number) => (deg * Math.PI) / 180;

/**
 * Variance per coordinate of w_x·x + w_y·y for independent x, y ~ N(0, I): w_x² + w_y², the squared
 * length of the weight vector. The weights are those of the straight line (src/core's combine on the
 * unit vectors) or of slerp at θ = 90°, what two independent high-dimensional x_T nearly always make.
 */
const varianceOf = (w: ArrayLike<number>) => w[0] ** 2 + w[1] ** 2;
const lerpVariance = (l: number) => varianceOf(combine([1 - l, [1, 0]], [l, [0, 1]]));
const slerpVariance = (l: number) => varianceOf(slerp([1, 0], [0, 1], l));
/** CIFAR-10's dimension, 3 × 32 × 32. */
const CIFAR_DIM = 3072;

/** How far the encoder's x_{t+1} moves when ε changes from eUp (at x_{t+1}) to eLow (at x_t): x_t cancels. */
const encoderMiss = (p: Record<string, number>) => invert(0, p.eLow, p.aT, p.aNext) - invert(0, p.eUp, p.aT, p.aNext);

export const experiments: ExerciseLogic[] = [
  defineExercise({
    id: 'experiments/inversion-step',
    chapter: 'experiments',
    kind: 'derive',
    params: { defaults: {}, sample: () => ({}) },
    show: () => ({}),
    parts: [
      {
        kind: 'formula',
        id: 'up',
        vars: [VAR.xt, VAR.eps, VAR.aT, VAR.aNext],
        point: (rng) => ({ ...upPoint(rng), x_t: uniform(rng, -2, 2), eps: randn(rng, 1)[0] }),
        reference: (v) => invert(v.x_t, v.eps, v.a_t, v.a_next),
        answer: 'sqrt(a_next)*(x_t - sqrt(1 - a_t)*eps)/sqrt(a_t) + sqrt(1 - a_next)*eps',
        mistakes: [
          { id: 'forwardKernel', f: (v) => Math.sqrt(v.a_next / v.a_t) * v.x_t + Math.sqrt(1 - v.a_next / v.a_t) * v.eps },
          { id: 'levelsSwapped', f: (v) => (Math.sqrt(v.a_t) * (v.x_t - Math.sqrt(1 - v.a_next) * v.eps)) / Math.sqrt(v.a_next) + Math.sqrt(1 - v.a_t) * v.eps },
          { id: 'noDirection', f: (v) => (Math.sqrt(v.a_next) * (v.x_t - Math.sqrt(1 - v.a_t) * v.eps)) / Math.sqrt(v.a_t) },
        ],
      },
    ],
    checks: [
      {
        id: 'decode-undoes-encode',
        sample: (rng) => ({ ...upPoint(rng), x_t: (rng.next() < 0.5 ? -1 : 1) * uniform(rng, 0.5, 2), eps: uniform(rng, -2, 2) }),
        lhs: (v) => step(invert(v.x_t, v.eps, v.a_t, v.a_next), v.eps, v.a_next, v.a_t),
        rhs: (v) => v.x_t,
      },
    ],
  }),
  defineExercise({
    id: 'experiments/lerp-variance',
    chapter: 'experiments',
    kind: 'compute',
    params: { defaults: { lambda: 0.5 }, sample: (rng) => ({ lambda: draw(rng, 0.1, 0.9, 2) }) },
    show: (p) => ({
      lambda: fixed(p.lambda, 2),
      d: String(CIFAR_DIM),
      rootD: show(Math.sqrt(CIFAR_DIM), 3),
      linear: show(lerpVariance(p.lambda), 6),
      norm: show(Math.sqrt(CIFAR_DIM * lerpVariance(p.lambda)), 4),
    }),
    parts: [
      { kind: 'number', id: 'linear', answer: (p) => lerpVariance(p.lambda), tol: { rel: 1e-3 }, mistakes: [{ id: 'weightsSum', value: () => 1 }] },
      { kind: 'number', id: 'norm', answer: (p) => Math.sqrt(CIFAR_DIM * lerpVariance(p.lambda)), tol: { rel: 1e-3 }, mistakes: [{ id: 'fullNorm', value: () => Math.sqrt(CIFAR_DIM) }] },
      { kind: 'number', id: 'slerp', answer: (p) => slerpVariance(p.lambda), tol: { rel: 1e-3 }, mistakes: [{ id: 'linear', value: (p) => lerpVariance(p.lambda) }] },
    ],
    checks: [
      {
        id: 'lerp-variance',
        sample: (rng) => ({ lambda: uniform(rng, 0, 1) }),
        lhs: (v) => lerpVariance(v.lambda),
        rhs: (v) => 1 - 2 * v.lambda * (1 - v.lambda),
      },
      {
        id: 'slerp-right-angle',
        sample: (rng) => ({ lambda: uniform(rng, 0, 1) }),
        lhs: (v) => slerpVariance(v.lambda),
        rhs: () => 1,
      },
    ],
  }),
  defineExercise({
    id: 'experiments/slerp-weights',
    chapter: 'experiments',
    kind: 'compute',
    params: {
      defaults: { theta: 120, lambda: 0.25 },
      sample: (rng) => ({ theta: randint(rng, 30, 150), lambda: draw(rng, 0.1, 0.4, 2) }),
    },
    show: (p) => {
      const w = slerpWeights(rad(p.theta), p.lambda);
      return { theta: String(p.theta), lambda: fixed(p.lambda, 2), oneMinus: fixed(1 - p.lambda, 2), wx: show(w.wx, 6), wy: show(w.wy, 6) };
    },
    parts: [
      {
        kind: 'number',
        id: 'wx',
        answer: (p) => slerpWeights(rad(p.theta), p.lambda).wx,
        tol: { rel: 1e-3 },
        mistakes: [
          { id: 'linearX', value: (p) => 1 - p.lambda },
          { id: 'swappedX', value: (p) => slerpWeights(rad(p.theta), p.lambda).wy },
        ],
      },
      {
        kind: 'number',
        id: 'wy',
        answer: (p) => slerpWeights(rad(p.theta), p.lambda).wy,
        tol: { rel: 1e-3 },
        mistakes: [
          { id: 'linearY', value: (p) => p.lambda },
          { id: 'swappedY', value: (p) => slerpWeights(rad(p.theta), p.lambda).wx },
        ],
      },
    ],
    checks: [
      {
        id: 'constant-angular-speed',
        sample: (rng) => {
          // Two vectors of one length r (as high-dimensional x_T nearly are), at an angle away from 0 and π.
          for (;;) {
            const [x, y] = [randn(rng, 3), randn(rng, 3)];
            const theta = angleBetween(x, y);
            if (theta < 0.3 || theta > 2.8) continue;
            const r = uniform(rng, 0.5, 3);
            const [nx, ny] = [Math.hypot(...x) / r, Math.hypot(...y) / r];
            return { x0: x[0] / nx, x1: x[1] / nx, x2: x[2] / nx, y0: y[0] / ny, y1: y[1] / ny, y2: y[2] / ny, lambda: uniform(rng, 0.1, 0.9) };
          }
        },
        lhs: (v) => angleBetween([v.x0, v.x1, v.x2], slerp([v.x0, v.x1, v.x2], [v.y0, v.y1, v.y2], v.lambda)),
        rhs: (v) => v.lambda * angleBetween([v.x0, v.x1, v.x2], [v.y0, v.y1, v.y2]),
      },
    ],
  }),
  defineExercise({
    id: 'experiments/table1-predict',
    chapter: 'experiments',
    kind: 'predict',
    params: { defaults: {}, sample: () => ({}) },
    show: () => ({}),
    parts: [{ kind: 'choice', id: 'prediction', options: ['eta0', 'eta1', 'sigmaHat', 'same'], correct: () => 'sigmaHat' }],
    checks: [
      {
        id: 'sigma-hat-excess',
        sample: (rng) => {
          const a_prev = uniform(rng, 0.07, 0.99);
          return { a_prev, a_t: uniform(rng, 0.05, a_prev - 0.01) };
        },
        lhs: (v) => sigmaHatOf(v.a_t, v.a_prev) ** 2 - sigma(v.a_t, v.a_prev, 1) ** 2,
        rhs: (v) => (v.a_prev * (1 - v.a_t / v.a_prev) ** 2) / (1 - v.a_t),
      },
    ],
    lab: {
      after: 'prediction',
      settings: defineParams({
        S: { type: 'int', label: 'ex.lab.steps', min: 2, max: 1000, default: 10 },
        seed: { type: 'int', label: 'ex.lab.seed', min: 0, max: 9999, default: 1 },
      }),
      run(_p, s) {
        const common = { S: s.S as number, n: 300, seed: s.seed as number, noiseSeed: (s.seed as number) + 1 };
        const ll = (eta: number, variance: 'eta' | 'sigmaHat' = 'eta') => show(meanLogLikelihood(sampleToy({ ...common, eta, variance })), 3);
        return {
          S: String(s.S),
          eta0: ll(0),
          eta1: ll(1),
          hat: ll(1, 'sigmaHat'),
          data: show(meanLogLikelihood(sampleMixture(TOY_MIXTURE, mulberry32((s.seed as number) + 2), 300)), 3),
        };
      },
    },
  }),
  defineExercise({
    id: 'experiments/consistency-eta-predict',
    chapter: 'experiments',
    kind: 'predict',
    params: { defaults: {}, sample: () => ({}) },
    show: () => ({}),
    parts: [{ kind: 'choice', id: 'prediction', options: ['close', 'unrelated'], correct: () => 'unrelated' }],
    checks: [
      {
        id: 'eta1-kept-share',
        sample: (rng) => {
          const a_prev = uniform(rng, 0.07, 0.95);
          return { a_prev, a_t: uniform(rng, 0.05, a_prev - 0.01) };
        },
        lhs: (v) => (1 - v.a_prev - sigma(v.a_t, v.a_prev, 1) ** 2) / (1 - v.a_prev),
        rhs: (v) => (v.a_t * (1 - v.a_prev)) / (v.a_prev * (1 - v.a_t)),
      },
    ],
    lab: {
      after: 'prediction',
      settings: defineParams({
        eta: { type: 'float', label: 'ex.lab.eta', min: 0, max: 1, default: 1, step: 0.05 },
        seed: { type: 'int', label: 'ex.lab.seed', min: 0, max: 9999, default: 1 },
      }),
      run(_p, s) {
        const seed = s.seed as number;
        const common = { eta: s.eta as number, n: 300 };
        const a = sampleToy({ ...common, S: 10, seed, noiseSeed: seed + 1 });
        const b = sampleToy({ ...common, S: 100, seed, noiseSeed: seed + 2 });
        const c = sampleToy({ ...common, S: 100, seed: seed + 1, noiseSeed: seed + 3 });
        return { eta: fixed(s.eta as number, 2), same: show(meanDistance(a, b), 3), different: show(meanDistance(b, c), 3) };
      },
    },
  }),
  defineExercise({
    id: 'experiments/inversion-find-error',
    chapter: 'experiments',
    kind: 'find-error',
    params: {
      defaults: { aT: 0.9, aNext: 0.8, eLow: 0.5, eUp: 0.6 },
      sample: (rng) => {
        const aT = draw(rng, 0.3, 0.99, 2);
        const eLow = draw(rng, -1.5, 1.5, 2);
        let eUp = draw(rng, -1.5, 1.5, 2);
        while (Math.abs(eUp - eLow) < 0.05) eUp = draw(rng, -1.5, 1.5, 2);
        return { aT, aNext: draw(rng, Math.max(0.05, aT - 0.25), aT - 0.02, 2), eLow, eUp };
      },
    },
    show: (p) => ({ aT: fixed(p.aT, 2), aNext: fixed(p.aNext, 2), eLow: fixed(p.eLow, 2), eUp: fixed(p.eUp, 2), miss: show(encoderMiss(p), 6) }),
    parts: [
      { kind: 'choice', id: 'line', options: ['l1', 'l2', 'l3', 'l4'], correct: () => 'l3' },
      {
        kind: 'number',
        id: 'miss',
        answer: encoderMiss,
        tol: { rel: 1e-3, abs: 1e-6 },
        mistakes: [
          { id: 'rawDifference', value: (p) => p.eLow - p.eUp },
          { id: 'directionOnly', value: (p) => Math.sqrt(1 - p.aNext) * (p.eLow - p.eUp) },
        ],
      },
    ],
    checks: [
      {
        id: 'encoder-affine',
        sample: (rng) => ({ ...upPoint(rng), x_t: uniform(rng, 0.5, 2), eps: uniform(rng, 0.1, 2) }),
        lhs: (v) => invert(v.x_t, v.eps, v.a_t, v.a_next),
        rhs: (v) => Math.sqrt(v.a_next / v.a_t) * v.x_t + (Math.sqrt(1 - v.a_next) - Math.sqrt((v.a_next * (1 - v.a_t)) / v.a_t)) * v.eps,
      },
    ],
  }),
  defineExercise({
    id: 'experiments/reconstruction-numerically',
    chapter: 'experiments',
    kind: 'numerically',
    params: { defaults: {}, sample: () => ({}) },
    show: () => ({}),
    parts: [
      { kind: 'choice', id: 'trend', options: ['falls', 'flat', 'grows'], correct: () => 'falls' },
      { kind: 'choice', id: 'source', options: ['model', 'noise', 'discretisation'], correct: () => 'discretisation' },
    ],
    checks: [
      {
        id: 'ode-euler-step',
        sample: (rng) => {
          const a_prev = uniform(rng, 0.07, 0.99);
          return { a_prev, a_t: uniform(rng, 0.05, a_prev - 0.01), x_t: uniform(rng, 0.5, 2), eps: uniform(rng, -2, -0.1) };
        },
        lhs: (v) => step(v.x_t, v.eps, v.a_t, v.a_prev) / Math.sqrt(v.a_prev),
        rhs: (v) => v.x_t / Math.sqrt(v.a_t) + (Math.sqrt((1 - v.a_prev) / v.a_prev) - Math.sqrt((1 - v.a_t) / v.a_t)) * v.eps,
      },
    ],
    lab: {
      settings: defineParams({
        S: { type: 'int', label: 'ex.lab.steps', min: 2, max: 1000, default: 10 },
        seed: { type: 'int', label: 'ex.lab.seed', min: 0, max: 9999, default: 1 },
      }),
      run(_p, s) {
        const S = s.S as number;
        const r = reconstruction({ S, n: 200, seed: s.seed as number });
        const k = PAPER_TABLE2_S.indexOf(S as (typeof PAPER_TABLE2_S)[number]);
        return { S: String(S), mse: show(r.mse, 3), roundTrip: show(r.stepRoundTrip, 2), paper: k >= 0 ? String(PAPER_TABLE2_CIFAR10[k]) : '—' };
      },
    },
  }),
];
