/**
 * The equalities displayed in the chapter "diffusers' DDIM step, line by line", each as a pair of
 * functions that evaluate its two sides: the left side through the scheduler port, the right side
 * from the closed form written on the page. Draws come from a seeded Rng. The unit tests require
 * |lhs − rhs| ≤ abs + rel·|rhs| on every draw; a claims registry can bind them to the page as is.
 */
import { randint, randn, uniform, type Rng } from '../rng.ts';
import { DDIMScheduler } from './ddim.ts';
import { DDPMScheduler } from './ddpm.ts';
import type { PredictionType } from './config.ts';
import { rint } from './numpy.ts';
import { tensor, type Tensor } from './tensor.ts';
import { inferenceTimesteps } from './timesteps.ts';

export interface StepIdentity {
  id: string;
  /** One evaluation on a random draw: both sides, as arrays of numbers. */
  evaluate(rng: Rng): { lhs: number[]; rhs: number[] };
  tolerance: { rel: number; abs: number };
}

const SCHEDULES = ['linear', 'scaled_linear', 'squaredcos_cap_v2'] as const;
const TIGHT = { rel: 1e-12, abs: 1e-12 };

/** A random float64 scheduler with N steps set, and a scheduled timestep. */
function drawStep(rng: Rng, extra: Record<string, unknown> = {}) {
  const s = new DDIMScheduler({
    betaSchedule: SCHEDULES[randint(rng, 0, 2)],
    numTrainTimesteps: randint(rng, 50, 1000),
    schedulePrecision: 'float64',
    clipSample: false,
    ...extra,
  });
  s.setTimesteps(randint(rng, 1, Math.min(100, s.numTrainTimesteps)));
  const t = s.timesteps[randint(rng, 0, s.timesteps.length - 1)];
  return { s, t };
}

const batch = (rng: Rng, n = 6, scale = 1.5): Tensor<Float64Array> => tensor(randn(rng, n).map((v) => v * scale), [3, 2]);
const arr = (t: Tensor) => Array.from(t.data);

export const STEP_IDENTITIES: readonly StepIdentity[] = [
  {
    id: 'ddim-step.prev',
    tolerance: { rel: 0, abs: 0 },
    evaluate(rng) {
      const { s, t } = drawStep(rng, { timestepSpacing: ['leading', 'trailing', 'linspace'][randint(rng, 0, 2)] });
      return { lhs: [s.prevTimestep(t)], rhs: [t - Math.floor(s.numTrainTimesteps / s.numInferenceSteps!)] };
    },
  },
  {
    id: 'ddim-step.x0-epsilon',
    tolerance: TIGHT,
    evaluate(rng) {
      const { s, t } = drawStep(rng);
      const [x, e] = [batch(rng), batch(rng)];
      const a = s.alphaProd(t);
      return { lhs: arr(s.stepTrace(e, t, x).predOriginalSample), rhs: arr(x).map((xi, i) => (xi - Math.sqrt(1 - a) * e.data[i]) / Math.sqrt(a)) };
    },
  },
  {
    id: 'ddim-step.x0-v',
    tolerance: TIGHT,
    evaluate(rng) {
      const { s, t } = drawStep(rng, { predictionType: 'v_prediction' });
      const [x, v] = [batch(rng), batch(rng)];
      const a = s.alphaProd(t);
      return { lhs: arr(s.stepTrace(v, t, x).predOriginalSample), rhs: arr(x).map((xi, i) => Math.sqrt(a) * xi - Math.sqrt(1 - a) * v.data[i]) };
    },
  },
  {
    id: 'ddim-step.eps-v',
    tolerance: TIGHT,
    evaluate(rng) {
      const { s, t } = drawStep(rng, { predictionType: 'v_prediction' });
      const [x, v] = [batch(rng), batch(rng)];
      const a = s.alphaProd(t);
      return { lhs: arr(s.stepTrace(v, t, x).predEpsilon), rhs: arr(x).map((xi, i) => Math.sqrt(a) * v.data[i] + Math.sqrt(1 - a) * xi) };
    },
  },
  {
    id: 'ddim-step.sigma',
    tolerance: TIGHT,
    evaluate(rng) {
      const { s, t } = drawStep(rng);
      const eta = uniform(rng, 0, 1);
      const c = s.coefficients(t, eta);
      const [a, ap] = [c.alphaProdT, c.alphaProdTPrev];
      return { lhs: [c.stdDevT ** 2], rhs: [eta ** 2 * ((1 - ap) / (1 - a)) * (1 - a / ap)] };
    },
  },
  {
    id: 'ddim-step.update',
    tolerance: TIGHT,
    evaluate(rng) {
      const { s, t } = drawStep(rng);
      const [x, e, z] = [batch(rng), batch(rng), batch(rng)];
      const eta = uniform(rng, 0.01, 1);
      const out = s.stepTrace(e, t, x, { eta, varianceNoise: z });
      const { alphaProdT: a, alphaProdTPrev: ap, stdDevT: sd } = out.coefficients;
      const rhs = arr(x).map((xi, i) => {
        const x0 = (xi - Math.sqrt(1 - a) * e.data[i]) / Math.sqrt(a);
        return Math.sqrt(ap) * x0 + Math.sqrt(1 - ap - sd * sd) * e.data[i] + sd * z.data[i];
      });
      return { lhs: arr(out.prevSample), rhs };
    },
  },
  {
    id: 'ddim-step.eta-max',
    tolerance: { rel: 1e-9, abs: 0 },
    evaluate(rng) {
      const { s, t } = drawStep(rng);
      const c = s.coefficients(t, 0);
      const [a, ap] = [c.alphaProdT, c.alphaProdTPrev];
      const max = s.maxEta(t);
      return Number.isFinite(max) ? { lhs: [max ** 2], rhs: [((1 - a) * ap) / (ap - a)] } : { lhs: [0], rhs: [1 - ap] };
    },
  },
  {
    id: 'ddim-step.eta-max-excess',
    tolerance: { rel: 1e-6, abs: 1e-12 },
    evaluate(rng) {
      const { s, t } = drawStep(rng);
      const c = s.coefficients(t, 0);
      const [a, ap] = [c.alphaProdT, c.alphaProdTPrev];
      const max = s.maxEta(t);
      return Number.isFinite(max) ? { lhs: [max ** 2 - 1], rhs: [(a * (1 - ap)) / (ap - a)] } : { lhs: [0], rhs: [1 - ap] };
    },
  },
  {
    id: 'ddim-step.final-step',
    tolerance: TIGHT,
    evaluate(rng) {
      const { s } = drawStep(rng, { setAlphaToOne: true });
      const t = s.timesteps[s.timesteps.length - 1];
      const out = s.step(batch(rng), t, batch(rng));
      return { lhs: arr(out.prevSample), rhs: arr(out.predOriginalSample) };
    },
  },
  {
    id: 'ddim-step.ddpm-posterior',
    tolerance: { rel: 1e-10, abs: 1e-10 },
    evaluate(rng) {
      const T = randint(rng, 50, 1000);
      const config = { numTrainTimesteps: T, schedulePrecision: 'float64' as const, clipSample: false, betaSchedule: SCHEDULES[randint(rng, 0, 2)] };
      const ddim = new DDIMScheduler(config);
      const ddpm = new DDPMScheduler(config);
      const N = randint(rng, 1, Math.min(T, 100));
      ddim.setTimesteps(N);
      ddpm.setTimesteps(N);
      const t = ddim.timesteps[randint(rng, 0, N - 1)];
      const [x, e] = [batch(rng), batch(rng)];
      const zeros = tensor(new Float64Array(6), [3, 2]);
      const lhs = arr(ddim.step(e, t, x, { eta: 1, varianceNoise: zeros }).prevSample);
      const c = ddpm.coefficients(t);
      const rhs = arr(x).map((xi, i) => {
        const x0 = (xi - Math.sqrt(1 - c.alphaProdT) * e.data[i]) / Math.sqrt(c.alphaProdT);
        const beta = 1 - c.alphaProdT / c.alphaProdTPrev;
        return ((Math.sqrt(c.alphaProdTPrev) * beta) / (1 - c.alphaProdT)) * x0 + ((Math.sqrt(1 - beta) * (1 - c.alphaProdTPrev)) / (1 - c.alphaProdT)) * xi;
      });
      return { lhs, rhs };
    },
  },
  {
    id: 'ddim-step.clipped-eps',
    tolerance: TIGHT,
    evaluate(rng) {
      const { s, t } = drawStep(rng, { clipSample: true, clipSampleRange: uniform(rng, 0.5, 2) });
      const [x, e] = [batch(rng, 6, 3), batch(rng)];
      const out = s.stepTrace(e, t, x, { useClippedModelOutput: true });
      const a = s.alphaProd(t);
      return { lhs: arr(out.predEpsilon), rhs: arr(x).map((xi, i) => (xi - Math.sqrt(a) * out.predOriginalSample.data[i]) / Math.sqrt(1 - a)) };
    },
  },
  {
    id: 'ddim-step.threshold',
    tolerance: TIGHT,
    evaluate(rng) {
      const sampleMaxValue = uniform(rng, 1, 3);
      const ratio = uniform(rng, 0.5, 1);
      const { s, t } = drawStep(rng, { thresholding: true, sampleMaxValue, dynamicThresholdingRatio: ratio });
      const out = s.stepTrace(batch(rng, 6, 3), t, batch(rng, 6, 3));
      const raw = arr(out.unclippedOriginalSample);
      const rhs: number[] = [];
      for (let b = 0; b < 3; b++) {
        const item = raw.slice(2 * b, 2 * b + 2);
        const sorted = item.map(Math.abs).sort((p, q) => p - q);
        const rank = ratio * (sorted.length - 1);
        const q = sorted[Math.floor(rank)] + (rank - Math.floor(rank)) * (sorted[Math.ceil(rank)] - sorted[Math.floor(rank)]);
        const sb = Math.min(Math.max(q, 1), sampleMaxValue);
        rhs.push(...item.map((v) => Math.min(Math.max(v, -sb), sb) / sb));
      }
      return { lhs: arr(out.predOriginalSample), rhs };
    },
  },
  {
    id: 'ddim-step.add-noise',
    tolerance: TIGHT,
    evaluate(rng) {
      const { s } = drawStep(rng);
      const t = randint(rng, 0, s.numTrainTimesteps - 1);
      const [x0, e] = [batch(rng), batch(rng)];
      const a = s.alphaProd(t);
      return { lhs: arr(s.addNoise(x0, e, [t])), rhs: arr(x0).map((v, i) => Math.sqrt(a) * v + Math.sqrt(1 - a) * e.data[i]) };
    },
  },
  {
    id: 'ddim-step.velocity',
    tolerance: TIGHT,
    evaluate(rng) {
      const { s } = drawStep(rng);
      const t = randint(rng, 0, s.numTrainTimesteps - 1);
      const [x0, e] = [batch(rng), batch(rng)];
      const a = s.alphaProd(t);
      return { lhs: arr(s.getVelocity(x0, e, [t])), rhs: arr(x0).map((v, i) => Math.sqrt(a) * e.data[i] - Math.sqrt(1 - a) * v) };
    },
  },
  ...(['leading', 'trailing', 'linspace'] as const).map(
    (spacing): StepIdentity => ({
      id: `ddim-step.spacing-${spacing}`,
      tolerance: { rel: 0, abs: 0 },
      evaluate(rng) {
        const T = randint(rng, 2, 1000);
        const N = randint(rng, 1, T);
        const offset = spacing === 'leading' ? randint(rng, 0, 1) : 0;
        const lhs = inferenceTimesteps(N, { numTrainTimesteps: T, timestepSpacing: spacing, stepsOffset: offset });
        // The page's formulas, with fl(·) = one double rounding as numpy does it; k = 0 … N − 1
        // (trailing may add an N-th entry, compared in the timestep tests).
        const delta = T - T / N - T;
        const step = (T - 1) / Math.max(N - 1, 1);
        const rhs = Array.from({ length: N }, (_, k) =>
          spacing === 'leading' ? (N - 1 - k) * Math.floor(T / N) + offset : spacing === 'trailing' ? rint(T + k * delta) - 1 : k === 0 && N > 1 ? T - 1 : rint((N - 1 - k) * step),
        );
        return { lhs: lhs.slice(0, N), rhs };
      },
    }),
  ),
];

/** Prediction types, for pages that loop over them. */
export const PREDICTIONS: readonly PredictionType[] = ['epsilon', 'sample', 'v_prediction'];
