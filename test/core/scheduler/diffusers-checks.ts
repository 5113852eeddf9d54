/**
 * diffusers' SchedulerCommonTest helpers (tests/schedulers/test_schedulers.py), re-expressed:
 * `check_over_configs` / `check_over_forward` build a scheduler, save its config, load a second one
 * from the saved JSON, step both once and require sum |Δ| < 1e-5. Here the config travels through
 * `toDiffusersConfig` → JSON text → `fromDiffusersConfig`. diffusers' `dummy_sample` is torch.rand;
 * a seeded uniform sample stands in (the assertion compares two schedulers on the same input).
 *
 * These diffusers tests step at timesteps outside the schedule (t = 0 with steps_offset = 1, t = 1,
 * 10, 49 with 50 leading steps) and use β up to 2, which strict mode refuses; they run with
 * `strict: false`, as diffusers does.
 */
import { expect } from 'vitest';
import { toDiffusersConfig, fromDiffusersConfig } from '../../../src/core/scheduler/config-json.ts';
import { mulberry32 } from '../../../src/core/rng.ts';
import { tensor, type Tensor } from '../../../src/core/scheduler/tensor.ts';
import { SHAPE } from './diffusers-inputs.ts';

export interface Steppable {
  config: object;
  setTimesteps(n: number): void;
  step(m: Tensor, t: number, x: Tensor, o?: object): { prevSample: Tensor };
}

export function dummySample(seed = 7): Tensor {
  const rng = mulberry32(seed);
  return tensor(Float32Array.from({ length: 768 }, () => rng.next()), SHAPE);
}

export function residualOf(sample: Tensor): Tensor {
  return tensor(sample.data.map((v) => Math.fround(0.1 * v)) as Float32Array, SHAPE);
}

/** Round-trip a scheduler through its diffusers JSON config. */
export function reloaded<S extends Steppable>(s: S, make: (c: object) => S, className: string): S {
  const text = JSON.stringify(toDiffusersConfig(s.config as never, className));
  return make({ ...fromDiffusersConfig(JSON.parse(text)), strict: false });
}

export interface CheckOptions {
  timeStep?: number;
  numInferenceSteps?: number | null;
  stepOptions?: () => object;
}

/** Two schedulers (original, reloaded) give the same step output: sum |Δ| < 1e-5. Returns the sum. */
export function checkOverConfigs<S extends Steppable>(make: (c: object) => S, className: string, config: object, { timeStep = 0, numInferenceSteps = null, stepOptions = () => ({}) }: CheckOptions = {}): number {
  const a = make({ ...config, strict: false });
  const b = reloaded(a, make, className);
  expect(b.config).toEqual(a.config);
  const sample = dummySample();
  const residual = residualOf(sample);
  if (numInferenceSteps !== null) {
    a.setTimesteps(numInferenceSteps);
    b.setTimesteps(numInferenceSteps);
  }
  const out = a.step(residual, timeStep, sample, stepOptions()).prevSample;
  const again = b.step(residual, timeStep, sample, stepOptions()).prevSample;
  expect(out.data.every(Number.isFinite)).toBe(true);
  let diff = 0;
  for (let i = 0; i < out.data.length; i++) diff += Math.abs(out.data[i] - again.data[i]);
  expect(diff).toBeLessThan(1e-5);
  return diff;
}
