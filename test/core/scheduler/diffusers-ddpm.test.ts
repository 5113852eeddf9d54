/**
 * Every numeric assertion of diffusers' tests/schedulers/test_scheduler_ddpm.py, on float32 tensors.
 * The three full loops draw noise from torch.manual_seed(0); they are re-run here with a test-only
 * imitation of torch's CPU generator (torch-randn.ts), since the port's own `generator` is a
 * different (mulberry32) stream.
 */
import { describe, expect, it } from 'vitest';
import { DDPMScheduler } from '../../../src/core/scheduler/ddpm.ts';
import type { DDPMSchedulerConfig } from '../../../src/core/scheduler/config.ts';
import { SchedulerConfigError } from '../../../src/core/scheduler/errors.ts';
import { mulberry32 } from '../../../src/core/rng.ts';
import { tensor, type Tensor } from '../../../src/core/scheduler/tensor.ts';
import { constantsReport } from './constants-report.ts';
import { checkOverConfigs } from './diffusers-checks.ts';
import { dummyModel, dummyNoiseDeter, dummySampleDeter, sumAbs } from './diffusers-inputs.ts';
import { TorchCpuGenerator } from './torch-randn.ts';

const report = constantsReport('test_scheduler_ddpm.py');
const base: DDPMSchedulerConfig = { numTrainTimesteps: 1000, betaStart: 0.0001, betaEnd: 0.02, betaSchedule: 'linear', varianceType: 'fixed_small', clipSample: true };
const make = (c: object) => new DDPMScheduler(c as DDPMSchedulerConfig);
const overConfigs = (config: object, timeStep = 0) =>
  checkOverConfigs(make, 'DDPMScheduler', { ...base, ...config }, { timeStep, stepOptions: () => ({ generator: mulberry32(0) }) });

/** Noise for one step, drawn the way diffusers' randn_tensor draws it from a torch generator. */
const torchNoise = (g: TorchCpuGenerator, like: Tensor) => tensor(g.randn(like.data.length), like.shape);

describe('test_scheduler_ddpm.py', () => {
  it('test_timesteps, test_betas, test_schedules, test_variance_type, test_clip_sample', () => {
    for (const T of [1, 5, 100, 1000]) overConfigs({ numTrainTimesteps: T });
    for (const [betaStart, betaEnd] of [[0.0001, 0.002], [0.001, 0.02], [0.01, 0.2], [0.1, 2]]) overConfigs({ betaStart, betaEnd });
    for (const betaSchedule of ['linear', 'squaredcos_cap_v2']) overConfigs({ betaSchedule });
    // "other" is not a variance type; diffusers silently treats it as fixed_small (strict mode refuses it).
    for (const varianceType of ['fixed_small', 'fixed_large', 'other']) overConfigs({ varianceType });
    for (const clipSample of [true, false]) overConfigs({ clipSample });
  });
  it('test_thresholding, test_prediction_type, test_time_indices', () => {
    overConfigs({ thresholding: false });
    for (const sampleMaxValue of [0.5, 1, 2]) for (const predictionType of ['epsilon', 'sample', 'v_prediction']) overConfigs({ thresholding: true, predictionType, sampleMaxValue });
    for (const predictionType of ['epsilon', 'sample', 'v_prediction']) overConfigs({ predictionType });
    for (const t of [0, 500, 999]) overConfigs({}, t);
  });

  it('test_variance: _get_variance(0) = 0, (487) = 0.00979, (999) = 0.02', () => {
    const s = new DDPMScheduler(base);
    for (const [t, want] of [[0, 0], [487, 0.00979], [999, 0.02]]) report.check('test_variance', `_get_variance(${t})`, s.getVariance(t), want, 1e-5);
  });

  const loops: [string, DDPMSchedulerConfig, number, number][] = [
    ['test_full_loop_no_noise', {}, 258.9606, 0.3372],
    ['test_full_loop_with_v_prediction', { predictionType: 'v_prediction' }, 202.0296, 0.2631],
  ];
  for (const [name, config, sum, mean] of loops) {
    it(`${name}: 1000 ancestral steps with torch.manual_seed(0) noise: sum ${sum}, mean ${mean}`, () => {
      const s = new DDPMScheduler({ ...base, ...config });
      const g = new TorchCpuGenerator(0);
      let x = dummySampleDeter('float32');
      for (let t = s.numTrainTimesteps - 1; t >= 0; t--) {
        x = s.step(dummyModel(x, t), t, x, { varianceNoise: t > 0 ? torchNoise(g, x) : null }).prevSample;
      }
      report.check(name, 'sum |x|', sumAbs(x), sum, 1e-2);
      report.check(name, 'mean |x|', sumAbs(x) / 768, mean, 1e-3);
    });
  }

  it('test_full_loop_with_noise: add_noise at t = 1, then steps 1 and 0: sum 387.9466, mean 0.5051', () => {
    const s = new DDPMScheduler(base);
    const g = new TorchCpuGenerator(0);
    const timesteps = s.timesteps.slice((s.numTrainTimesteps - 2) * s.order);
    expect(timesteps).toEqual([1, 0]);
    let x = s.addNoise(dummySampleDeter('float32'), dummyNoiseDeter('float32'), timesteps.slice(0, 1));
    for (const t of timesteps) x = s.step(dummyModel(x, t), t, x, { varianceNoise: t > 0 ? torchNoise(g, x) : null }).prevSample;
    report.check('test_full_loop_with_noise', 'sum |x|', sumAbs(x), 387.9466, 1e-2);
    report.check('test_full_loop_with_noise', 'mean |x|', sumAbs(x) / 768, 0.5051, 1e-3);
  });

  it('test_custom_timesteps: previous_timestep of [100, 87, 50, 1, 0] is the next entry, then −1', () => {
    const s = new DDPMScheduler(base);
    const timesteps = [100, 87, 50, 1, 0];
    s.setTimesteps(null, { timesteps });
    expect(s.timesteps).toEqual(timesteps);
    report.checkList('test_custom_timesteps', 'previous_timestep', s.timesteps.map((t) => s.previousTimestep(t)), [87, 50, 1, 0, -1]);
  });
  it('test_custom_timesteps_increasing_order: [100, 87, 50, 51, 0] is refused', () => {
    expect(() => new DDPMScheduler(base).setTimesteps(null, { timesteps: [100, 87, 50, 51, 0] })).toThrow(/timesteps must be a strictly descending list/);
  });
  it('test_custom_timesteps_passing_both_num_inference_steps_and_timesteps: refused', () => {
    expect(() => new DDPMScheduler(base).setTimesteps(5, { timesteps: [100, 87, 50, 1, 0] })).toThrow(SchedulerConfigError);
  });
  it('test_custom_timesteps_too_large: [T] is refused', () => {
    expect(() => new DDPMScheduler(base).setTimesteps(null, { timesteps: [1000] })).toThrow(/timesteps must be a non-empty list of integers in \[0, 999\]/);
  });
});
