/** Exercises for the toy lab: the exact ε*, memorisation, slerp, inversion, consistency. */
import { empiricalMixture, mixtureFromCentres, sampleMixture as sampleData } from '../../core/data/mixture.ts';
import { mixtureEpsilon, mixturePosteriorMean } from '../../core/denoise/mixture-eps.ts';
import { noisy, predictX0 } from '../../core/ddim/predict.ts';
import { referenceSample } from '../../core/sampling/reference-sampler.ts';
import { labSchedulerConfig } from '../../core/sampling/lab-config.ts';
import { DDIMScheduler } from '../../core/scheduler/ddim.ts';
import { mulberry32, randn, uniform } from '../../core/rng.ts';
import { slerp } from '../../core/slerp.ts';
import { defineParams } from '../../widgets/params.ts';
import { defineExercise, type ExerciseLogic } from '../types.ts';
import { draw, fixed, show } from './helpers.ts';
import { meanDistance, TOY_MIXTURE } from './toy-runs.ts';
import { VAR } from './vars.ts';

const epsStar = (x: number, a: number, mu: number, s: number) => mixtureEpsilon(mixtureFromCentres([[mu, 0]], s), [x, 0], a)[0];
const TRAINING = Float64Array.of(-0.5, -0.3, 0.4, 0.5, 0.6, -0.6);

/** DDIM inversion with ε held fixed over each step (ε* at the upper level), then decoding back: mean reconstruction error. */
function inversionError(S: number, n: number, seed: number): number {
  const x0 = sampleData(TOY_MIXTURE, mulberry32(seed), n);
  const s = new DDIMScheduler({ ...labSchedulerConfig('linear', 'epsilon'), schedulePrecision: 'float64' });
  s.setTimesteps(S);
  let x: Float64Array = x0;
  for (const t of [...s.timesteps].reverse()) {
    const aT = s.alphaProd(t);
    const aPrev = s.alphaProdPrev(s.prevTimestep(t));
    const eps = mixtureEpsilon(TOY_MIXTURE, x, aT);
    x = noisy(predictX0(x, eps, aPrev), eps, aT);
  }
  const back = referenceSample({ mixture: TOY_MIXTURE, numInferenceSteps: S, eta: 0, xT: x });
  return meanDistance(back, x0);
}

function slerpParams(rng: Parameters<typeof uniform>[0]) {
  const r = draw(rng, 1, 3, 1);
  const a = uniform(rng, 0, Math.PI);
  const b = a + uniform(rng, Math.PI / 3, (5 * Math.PI) / 6);
  return { x1: Number((r * Math.cos(a)).toFixed(3)), x2: Number((r * Math.sin(a)).toFixed(3)), y1: Number((r * Math.cos(b)).toFixed(3)), y2: Number((r * Math.sin(b)).toFixed(3)) };
}
const linearMid = (p: Record<string, number>) => Math.hypot((p.x1 + p.y1) / 2, (p.x2 + p.y2) / 2);
const slerpMid = (p: Record<string, number>) => Math.hypot(...slerp([p.x1, p.x2], [p.y1, p.y2], 0.5));

export const toyLab: ExerciseLogic[] = [
  defineExercise({
    id: 'toy-lab/gaussian-eps-star',
    chapter: 'toy-lab',
    kind: 'derive',
    params: { defaults: {}, sample: () => ({}) },
    show: () => ({}),
    parts: [
      {
        kind: 'formula',
        id: 'eps',
        vars: [VAR.xt, VAR.aT, VAR.mu, VAR.s],
        point: (rng) => ({ x_t: uniform(rng, -2, 2), a_t: uniform(rng, 0.05, 0.95), mu: uniform(rng, -1, 1), s: uniform(rng, 0, 1) }),
        reference: (v) => epsStar(v.x_t, v.a_t, v.mu, v.s),
        answer: 'sqrt(1 - a_t)*(x_t - sqrt(a_t)*mu)/(a_t*s^2 + 1 - a_t)',
        mistakes: [
          { id: 'noDataVariance', f: (v) => (v.x_t - Math.sqrt(v.a_t) * v.mu) / Math.sqrt(1 - v.a_t) },
          { id: 'missingRoot', f: (v) => (v.x_t - Math.sqrt(v.a_t) * v.mu) / (v.a_t * v.s ** 2 + 1 - v.a_t) },
        ],
        probes: [{ name: 's', special: [0], contrast: 0.5 }],
      },
    ],
    checks: [
      {
        id: 'posterior-mean',
        sample: (rng) => ({ x: uniform(rng, -2, 2), a: uniform(rng, 0.02, 0.98), mu: uniform(rng, -1, 1), s: uniform(rng, 0.01, 1) }),
        lhs: (v) => mixturePosteriorMean(mixtureFromCentres([[v.mu, 0]], v.s), [v.x, 0], v.a)[0],
        rhs: (v) => (Math.sqrt(v.a) * v.s ** 2 * v.x + (1 - v.a) * v.mu) / (v.a * v.s ** 2 + 1 - v.a),
      },
    ],
  }),
  defineExercise({
    id: 'toy-lab/memorisation-predict',
    chapter: 'toy-lab',
    kind: 'predict',
    params: { defaults: {}, sample: () => ({}) },
    show: () => ({}),
    parts: [{ kind: 'choice', id: 'prediction', options: ['training', 'smooth', 'origin'], correct: () => 'training' }],
    checks: [
      {
        id: 'empirical-posterior',
        sample: (rng) => ({ x: uniform(rng, -2, 2), y: uniform(rng, -2, 2), a: uniform(rng, 0.05, 0.95) }),
        lhs: (v) => mixturePosteriorMean(empiricalMixture(TRAINING), [v.x, v.y], v.a)[0],
        rhs: (v) => {
          const logits = [0, 1, 2].map((k) => -((v.x - Math.sqrt(v.a) * TRAINING[2 * k]) ** 2 + (v.y - Math.sqrt(v.a) * TRAINING[2 * k + 1]) ** 2) / (2 * (1 - v.a)));
          const top = Math.max(...logits);
          const w = logits.map((l) => Math.exp(l - top));
          const z = w.reduce((s, x) => s + x, 0);
          return w.reduce((s, wk, k) => s + (wk / z) * TRAINING[2 * k], 0);
        },
      },
    ],
    lab: {
      after: 'prediction',
      settings: defineParams({
        S: { type: 'int', label: 'ex.lab.steps', min: 2, max: 200, default: 50 },
        eta: { type: 'float', label: 'ex.lab.eta', min: 0, max: 1, default: 0, step: 0.05 },
        seed: { type: 'int', label: 'ex.lab.seed', min: 0, max: 9999, default: 1 },
      }),
      run(_p, s) {
        const n = 200;
        const xT = randn(mulberry32(s.seed as number), 2 * n);
        const out = referenceSample({ mixture: empiricalMixture(TRAINING), numInferenceSteps: s.S as number, eta: s.eta as number, xT, noiseAt: (i) => randn(mulberry32(1000 + i), 2 * n) });
        let worst = 0;
        for (let i = 0; i < n; i++) {
          const d = Math.min(...[0, 1, 2].map((k) => Math.hypot(out[2 * i] - TRAINING[2 * k], out[2 * i + 1] - TRAINING[2 * k + 1])));
          worst = Math.max(worst, d);
        }
        const distinct = new Set(Array.from({ length: n }, (_, i) => `${out[2 * i].toFixed(2)},${out[2 * i + 1].toFixed(2)}`)).size;
        return { S: String(s.S), eta: fixed(s.eta as number, 2), worst: show(worst, 3), distinct: String(distinct) };
      },
    },
  }),
  defineExercise({
    id: 'toy-lab/slerp',
    chapter: 'toy-lab',
    kind: 'compute',
    params: { defaults: { x1: 2, x2: 0, y1: 0, y2: 2 }, sample: slerpParams },
    show: (p) => ({ x1: fixed(p.x1, 3), x2: fixed(p.x2, 3), y1: fixed(p.y1, 3), y2: fixed(p.y2, 3), lin: show(linearMid(p), 5), sl: show(slerpMid(p), 5) }),
    parts: [
      { kind: 'number', id: 'linear', answer: linearMid, tol: { rel: 1e-3 } },
      { kind: 'number', id: 'slerp', answer: slerpMid, tol: { rel: 1e-3 }, mistakes: [{ id: 'linear', value: linearMid }] },
    ],
    checks: [
      {
        id: 'slerp-keeps-norm',
        sample: (rng) => {
          const r = uniform(rng, 0.5, 3);
          const a = uniform(rng, 0, 2 * Math.PI);
          const b = a + uniform(rng, 0.1, 3);
          return { r, a, b, l: uniform(rng, 0, 1) };
        },
        lhs: (v) => Math.hypot(...slerp([v.r * Math.cos(v.a), v.r * Math.sin(v.a)], [v.r * Math.cos(v.b), v.r * Math.sin(v.b)], v.l)),
        rhs: (v) => v.r,
      },
    ],
  }),
  defineExercise({
    id: 'toy-lab/inversion-numerically',
    chapter: 'toy-lab',
    kind: 'numerically',
    params: { defaults: {}, sample: () => ({}) },
    show: () => ({}),
    parts: [{ kind: 'choice', id: 'trend', options: ['shrinks', 'constant', 'grows'], correct: () => 'shrinks' }],
    checks: [
      {
        id: 'step-inverts',
        sample: (rng) => {
          const a_prev = uniform(rng, 0.1, 0.99);
          return { a_prev, a_t: uniform(rng, 0.02, a_prev), x: uniform(rng, -2, 2), e: randn(rng, 1)[0] };
        },
        lhs: (v) => noisy(predictX0(noisy(predictX0([v.x], [v.e], v.a_t), [v.e], v.a_prev), [v.e], v.a_prev), [v.e], v.a_t)[0],
        rhs: (v) => v.x,
      },
    ],
    lab: {
      settings: defineParams({
        S: { type: 'int', label: 'ex.lab.steps', min: 2, max: 500, default: 10 },
        seed: { type: 'int', label: 'ex.lab.seed', min: 0, max: 9999, default: 1 },
      }),
      run: (_p, s) => ({ S: String(s.S), error: show(inversionError(s.S as number, 200, s.seed as number), 3) }),
    },
  }),
  defineExercise({
    id: 'toy-lab/consistency-predict',
    chapter: 'toy-lab',
    kind: 'predict',
    params: { defaults: {}, sample: () => ({}) },
    show: () => ({}),
    parts: [{ kind: 'choice', id: 'prediction', options: ['close', 'unrelated'], correct: () => 'close' }],
    checks: [
      {
        id: 'eps-star-tweedie',
        sample: (rng) => ({ x: uniform(rng, -2, 2), y: uniform(rng, -2, 2), a: uniform(rng, 0.05, 0.95) }),
        lhs: (v) => mixturePosteriorMean(TOY_MIXTURE, [v.x, v.y], v.a)[0],
        rhs: (v) => (v.x - Math.sqrt(1 - v.a) * mixtureEpsilon(TOY_MIXTURE, [v.x, v.y], v.a)[0]) / Math.sqrt(v.a),
      },
    ],
    lab: {
      after: 'prediction',
      settings: defineParams({
        Sa: { type: 'int', label: 'ex.lab.stepsA', min: 2, max: 500, default: 10 },
        Sb: { type: 'int', label: 'ex.lab.stepsB', min: 2, max: 500, default: 100 },
        seed: { type: 'int', label: 'ex.lab.seed', min: 0, max: 9999, default: 1 },
      }),
      run(_p, s) {
        const n = 300;
        const xT = randn(mulberry32(s.seed as number), 2 * n);
        const other = randn(mulberry32((s.seed as number) + 1), 2 * n);
        const a = referenceSample({ mixture: TOY_MIXTURE, numInferenceSteps: s.Sa as number, eta: 0, xT });
        const b = referenceSample({ mixture: TOY_MIXTURE, numInferenceSteps: s.Sb as number, eta: 0, xT });
        const c = referenceSample({ mixture: TOY_MIXTURE, numInferenceSteps: s.Sb as number, eta: 0, xT: other });
        return { Sa: String(s.Sa), Sb: String(s.Sb), same: show(meanDistance(a, b), 3), different: show(meanDistance(b, c), 3) };
      },
    },
  }),
];
