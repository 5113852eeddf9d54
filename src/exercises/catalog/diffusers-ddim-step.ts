/** Exercises for "diffusers' DDIMScheduler.step()": timesteps, prev = t − T // N, final α, v-prediction, η limits, clipping. */
import { DDIMScheduler } from '../../core/scheduler/ddim.ts';
import { ddimPrevTimestep, inferenceTimesteps, nextScheduleEntry } from '../../core/scheduler/timesteps.ts';
import { tensor } from '../../core/scheduler/tensor.ts';
import { randint, randn, uniform } from '../../core/rng.ts';
import { defineParams } from '../../widgets/params.ts';
import { defineExercise, type ExerciseLogic } from '../types.ts';
import { alphaPair, alphaPoint, fixed, show } from './helpers.ts';
import { maxEta, sigma as sigmaEta, x0FromV } from './scalar.ts';
import { VAR } from './vars.ts';

const T = 1000;
const leading = (N: number) => inferenceTimesteps(N, { numTrainTimesteps: T, timestepSpacing: 'leading', stepsOffset: 0 });
const trailing = (N: number) => inferenceTimesteps(N, { numTrainTimesteps: T, timestepSpacing: 'trailing', stepsOffset: 0 });
/** N values whose leading step ratio is not T/N exactly, or whose trailing schedule ends oddly. */
const STEP_COUNTS = [3, 6, 7, 15, 30, 60, 70, 128, 300];
/** N for which trailing spacing's last step() lands on timestep 0 (ᾱ_0), not on final_alpha_cumprod. */
const TRAILING_TO_ZERO = [6, 7, 11, 13, 17, 19, 24, 28, 35];

function scheduler(config: ConstructorParameters<typeof DDIMScheduler>[0] = {}) {
  return new DDIMScheduler({ schedulePrecision: 'float64', clipSample: false, ...config });
}

export const diffusersDdimStep: ExerciseLogic[] = [
  defineExercise({
    id: 'diffusers-ddim-step/prev-timestep',
    chapter: 'diffusers-ddim-step',
    kind: 'compute',
    params: {
      defaults: { N: 30, i: 5 },
      sample: (rng) => {
        const N = STEP_COUNTS[randint(rng, 0, STEP_COUNTS.length - 1)];
        return { N, i: randint(rng, 0, N - 2) };
      },
    },
    show: (p) => {
      const t = leading(p.N)[p.i];
      return { N: String(p.N), t: String(t), ratio: String(Math.floor(T / p.N)), prev: String(ddimPrevTimestep(t, T, p.N)), first: String(leading(p.N)[0]) };
    },
    parts: [
      {
        kind: 'number',
        id: 'prev',
        answer: (p) => ddimPrevTimestep(leading(p.N)[p.i], T, p.N),
        tol: { abs: 1e-9 },
        mistakes: [
          { id: 'minusOne', value: (p) => leading(p.N)[p.i] - 1 },
          { id: 'exactRatio', value: (p) => leading(p.N)[p.i] - T / p.N },
        ],
      },
    ],
    checks: [
      {
        id: 'leading-prev-is-next',
        sample: (rng) => {
          const N = randint(rng, 2, 1000);
          return { N, i: randint(rng, 0, N - 2) };
        },
        lhs: (v) => ddimPrevTimestep(leading(v.N)[v.i], T, v.N),
        rhs: (v) => nextScheduleEntry(leading(v.N), leading(v.N)[v.i])!,
      },
    ],
  }),
  defineExercise({
    id: 'diffusers-ddim-step/trailing',
    chapter: 'diffusers-ddim-step',
    kind: 'compute',
    params: { defaults: { N: 7 }, sample: (rng) => ({ N: TRAILING_TO_ZERO[randint(rng, 0, TRAILING_TO_ZERO.length - 1)] }) },
    show: (p) => {
      const ts = trailing(p.N);
      return { N: String(p.N), list: ts.length <= 12 ? ts.join(', ') : `${ts.slice(0, 5).join(', ')}, …, ${ts.slice(-3).join(', ')}`, last: String(ts[ts.length - 1]), prev: String(ddimPrevTimestep(ts[ts.length - 1], T, p.N)), ratio: String(Math.floor(T / p.N)) };
    },
    parts: [
      { kind: 'number', id: 'last', answer: (p) => trailing(p.N).at(-1)!, tol: { abs: 1e-9 } },
      {
        kind: 'number',
        id: 'prev',
        answer: (p) => ddimPrevTimestep(trailing(p.N).at(-1)!, T, p.N),
        tol: { abs: 1e-9 },
        mistakes: [{ id: 'minusOne', value: () => -1 }],
      },
    ],
    checks: [
      {
        id: 'trailing-starts-at-T-1',
        sample: (rng) => ({ N: randint(rng, 1, 1000) }),
        lhs: (v) => trailing(v.N)[0],
        rhs: () => T - 1,
      },
    ],
  }),
  defineExercise({
    id: 'diffusers-ddim-step/final-alpha',
    chapter: 'diffusers-ddim-step',
    kind: 'compute',
    params: { defaults: { b: 0.0001 }, sample: (rng) => ({ b: [0.0001, 0.0005, 0.00085, 0.001][randint(rng, 0, 3)] }) },
    show: (p) => ({ b: String(p.b), w: show(Math.sqrt(1 - scheduler({ betaStart: p.b, setAlphaToOne: false }).finalAlphaCumprod), 6) }),
    parts: [
      {
        kind: 'number',
        id: 'w',
        answer: (p) => Math.sqrt(1 - scheduler({ betaStart: p.b, setAlphaToOne: false }).finalAlphaCumprod),
        tol: { rel: 1e-3 },
        mistakes: [{ id: 'alphaToOne', value: () => 0 }],
      },
    ],
    checks: [
      {
        id: 'final-is-first',
        sample: (rng) => ({ b: uniform(rng, 1e-5, 0.01) }),
        lhs: (v) => scheduler({ betaStart: v.b, betaEnd: 0.02, setAlphaToOne: false }).finalAlphaCumprod,
        rhs: (v) => 1 - v.b,
      },
    ],
  }),
  defineExercise({
    id: 'diffusers-ddim-step/v-prediction',
    chapter: 'diffusers-ddim-step',
    kind: 'derive',
    params: { defaults: {}, sample: () => ({}) },
    show: () => ({}),
    parts: [
      {
        kind: 'formula',
        id: 'x0',
        vars: [VAR.xt, VAR.v, VAR.aT],
        point: (rng) => ({ x_t: uniform(rng, -2, 2), v: randn(rng, 1)[0], a_t: uniform(rng, 0.02, 0.98) }),
        reference: (v) => x0FromV(v.x_t, v.v, v.a_t),
        answer: 'sqrt(a_t)*x_t - sqrt(1 - a_t)*v',
        mistakes: [
          { id: 'signFlip', f: (v) => Math.sqrt(v.a_t) * v.x_t + Math.sqrt(1 - v.a_t) * v.v },
          { id: 'epsFormula', f: (v) => (v.x_t - Math.sqrt(1 - v.a_t) * v.v) / Math.sqrt(v.a_t) },
        ],
      },
    ],
    checks: [
      {
        id: 'scheduler-agrees',
        sample: (rng) => ({ N: randint(rng, 2, 100), j: rng.next(), x: uniform(rng, -2, 2), v: randn(rng, 1)[0] }),
        lhs: (v) => {
          const s = scheduler({ predictionType: 'v_prediction' });
          s.setTimesteps(v.N);
          const t = s.timesteps[Math.floor(v.j * v.N)];
          return s.step(tensor(Float64Array.of(v.v), [1]), t, tensor(Float64Array.of(v.x), [1])).predOriginalSample.data[0];
        },
        rhs: (v) => {
          const s = scheduler({ predictionType: 'v_prediction' });
          s.setTimesteps(v.N);
          const a = s.alphaProd(s.timesteps[Math.floor(v.j * v.N)]);
          return Math.sqrt(a) * v.x - Math.sqrt(1 - a) * v.v;
        },
      },
    ],
  }),
  defineExercise({
    id: 'diffusers-ddim-step/max-eta',
    chapter: 'diffusers-ddim-step',
    kind: 'compute',
    params: { defaults: { aT: 0.5, aPrev: 0.6 }, sample: (rng) => alphaPair(rng, { lo: 0.05, hi: 0.95, minGap: 0.03 }) },
    show: (p) => ({ aT: fixed(p.aT, 4), aPrev: fixed(p.aPrev, 4), eta: show(maxEta(p.aT, p.aPrev), 6) }),
    parts: [
      {
        kind: 'number',
        id: 'eta',
        answer: (p) => maxEta(p.aT, p.aPrev),
        tol: { rel: 1e-3 },
        mistakes: [
          { id: 'one', value: () => 1 },
          { id: 'squared', value: (p) => maxEta(p.aT, p.aPrev) ** 2 },
        ],
      },
    ],
    checks: [
      {
        id: 'radicand-vanishes',
        sample: (rng) => alphaPoint(rng),
        lhs: (v) => 1 - v.a_prev - sigmaEta(v.a_t, v.a_prev, maxEta(v.a_t, v.a_prev)) ** 2,
        rhs: () => 0,
      },
    ],
  }),
  defineExercise({
    id: 'diffusers-ddim-step/clip-predict',
    chapter: 'diffusers-ddim-step',
    kind: 'predict',
    params: { defaults: {}, sample: () => ({}) },
    show: () => ({}),
    parts: [{ kind: 'choice', id: 'prediction', options: ['model', 'clipped'], correct: () => 'model' }],
    checks: [
      {
        id: 'reclipped-eps',
        sample: (rng) => ({ N: randint(rng, 2, 50), j: rng.next(), x: uniform(rng, -3, 3), e: uniform(rng, -3, 3) }),
        lhs: (v) => {
          const s = scheduler({ clipSample: true });
          s.setTimesteps(v.N);
          const t = s.timesteps[Math.floor(v.j * v.N)];
          return s.stepTrace(tensor(Float64Array.of(v.e), [1]), t, tensor(Float64Array.of(v.x), [1]), { useClippedModelOutput: true }).predEpsilon.data[0];
        },
        rhs: (v) => {
          const s = scheduler({ clipSample: true });
          s.setTimesteps(v.N);
          const a = s.alphaProd(s.timesteps[Math.floor(v.j * v.N)]);
          const x0 = Math.min(1, Math.max(-1, (v.x - Math.sqrt(1 - a) * v.e) / Math.sqrt(a)));
          return (v.x - Math.sqrt(a) * x0) / Math.sqrt(1 - a);
        },
      },
    ],
    lab: {
      after: 'prediction',
      settings: defineParams({
        x: { type: 'float', label: 'ex.lab.sample', min: -5, max: 5, default: 0.9 },
        eps: { type: 'float', label: 'ex.lab.modelEps', min: -5, max: 5, default: -1.5 },
        clipped: { type: 'bool', label: 'ex.lab.useClipped', default: false },
      }),
      run(_p, s) {
        const sch = scheduler({ clipSample: true });
        sch.setTimesteps(10);
        const t = sch.timesteps[5];
        const trace = sch.stepTrace(tensor(Float64Array.of(s.eps as number), [1]), t, tensor(Float64Array.of(s.x as number), [1]), { useClippedModelOutput: s.clipped as boolean });
        return {
          t: String(t),
          raw: show(trace.unclippedOriginalSample.data[0], 4),
          x0: show(trace.predOriginalSample.data[0], 4),
          eps: show(trace.predEpsilon.data[0], 4),
          prev: show(trace.prevSample.data[0], 4),
        };
      },
    },
  }),
];

