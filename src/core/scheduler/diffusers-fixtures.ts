/**
 * The deterministic fixtures of diffusers' scheduler tests (tests/schedulers/test_schedulers.py at
 * the pinned era), re-expressed, and the DDIM full-loop recipe of test_scheduler_ddim.py. The unit
 * tests and the walkthrough page both run them, so the page shows the same numbers the tests check.
 *
 * - dummy_sample_deter: shape [4, 3, 8, 8], element [b, c, h, w] = (4·((c·8 + h)·8 + w) + b)/768;
 * - dummy_noise_deter: (767 − (4·((c·8 + h)·8 + w) + b))/768;
 * - dummy_model(x, t) = x·t/(t + 1), evaluated left to right in the tensor's precision.
 */
import { DDIMScheduler } from './ddim.ts';
import type { SchedulerConfig } from './config.ts';
import { tensor, type Tensor } from './tensor.ts';

export const DUMMY_SHAPE = [4, 3, 8, 8];
const SIZE = 768;
type Kind = 'float32' | 'float64';

function filled(kind: Kind, fill: (i: number) => number): Tensor {
  const data = kind === 'float32' ? new Float32Array(SIZE) : new Float64Array(SIZE);
  for (let i = 0; i < SIZE; i++) data[i] = fill(i);
  return tensor(data, DUMMY_SHAPE);
}

/** Flat index i = ((b·3 + c)·8 + h)·8 + w; the item within the batch is i mod 192, the batch ⌊i/192⌋. */
export const dummySampleDeter = (kind: Kind = 'float32') => filled(kind, (i) => (4 * (i % 192) + Math.floor(i / 192)) / 768);
export const dummyNoiseDeter = (kind: Kind = 'float32') => filled(kind, (i) => (767 - (4 * (i % 192) + Math.floor(i / 192))) / 768);

export function dummyModel(x: Tensor, t: number): Tensor {
  const r = x.data instanceof Float32Array ? Math.fround : (v: number) => v;
  const data = x.data instanceof Float32Array ? new Float32Array(x.data.length) : new Float64Array(x.data.length);
  for (let i = 0; i < data.length; i++) data[i] = r(r(x.data[i] * t) / (t + 1));
  return { data, shape: [...x.shape] };
}

export function sumAbs(x: Tensor): number {
  let s = 0;
  for (const v of x.data) s += Math.abs(v);
  return s;
}

/** The base configuration of test_scheduler_ddim.py's `get_scheduler_config`. */
export const DDIM_TEST_CONFIG: SchedulerConfig = { numTrainTimesteps: 1000, betaStart: 0.0001, betaEnd: 0.02, betaSchedule: 'linear', clipSample: true };

/**
 * test_scheduler_ddim.py `full_loop` (10 steps, η = 0) and, with `noiseFrom`, `test_full_loop_with_noise`
 * (add_noise at timesteps[noiseFrom], then step from there).
 */
export function ddimFullLoop(config: SchedulerConfig = {}, { kind = 'float32' as Kind, noiseFrom = null as number | null } = {}): { sum: number; mean: number; sample: Tensor } {
  const s = new DDIMScheduler({ ...DDIM_TEST_CONFIG, ...config });
  s.setTimesteps(10);
  let x = dummySampleDeter(kind);
  let timesteps = s.timesteps;
  if (noiseFrom !== null) {
    timesteps = timesteps.slice(noiseFrom * s.order);
    x = s.addNoise(x, dummyNoiseDeter(kind), timesteps.slice(0, 1));
  }
  for (const t of timesteps) x = s.step(dummyModel(x, t), t, x, { eta: 0 }).prevSample;
  const sum = sumAbs(x);
  return { sum, mean: sum / SIZE, sample: x };
}

/** The DDIM full-loop assertions of test_scheduler_ddim.py: expected sum |x| (±1e-2) and mean |x| (±1e-3). */
export const DDIM_FULL_LOOP_CONSTANTS: readonly { test: string; config: SchedulerConfig; noiseFrom: number | null; sum: number; mean: number }[] = [
  { test: 'test_full_loop_no_noise', config: {}, noiseFrom: null, sum: 172.0067, mean: 0.223967 },
  { test: 'test_full_loop_with_v_prediction', config: { predictionType: 'v_prediction' }, noiseFrom: null, sum: 52.5302, mean: 0.0684 },
  { test: 'test_full_loop_with_set_alpha_to_one', config: { setAlphaToOne: true, betaStart: 0.01 }, noiseFrom: null, sum: 149.8295, mean: 0.1951 },
  { test: 'test_full_loop_with_no_set_alpha_to_one', config: { setAlphaToOne: false, betaStart: 0.01 }, noiseFrom: null, sum: 149.0784, mean: 0.1941 },
  { test: 'test_full_loop_with_noise', config: {}, noiseFrom: 8, sum: 354.5418, mean: 0.4616 },
];

/** test_scheduler_ddim.py `test_variance`: _get_variance(t, prev) ≈ value (±1e-5). */
export const DDIM_VARIANCE_CONSTANTS: readonly [number, number, number][] = [[0, 0, 0], [420, 400, 0.14771], [980, 960, 0.3246], [0, 0, 0], [487, 486, 0.00979], [999, 998, 0.02]];
