/**
 * Every numeric assertion of diffusers' tests/schedulers/test_scheduler_ddim.py (the version stored
 * for the pinned era; its constants are the ones diffusers 58eb52c passes, per the golden README),
 * reproduced on float32 tensors with the default float32 schedule. The table printed after the
 * tests lists each constant with our value.
 */
import { describe, expect, it } from 'vitest';
import { DDIMScheduler } from '../../../src/core/scheduler/ddim.ts';
import { SchedulerConfigError } from '../../../src/core/scheduler/errors.ts';
import type { SchedulerConfig } from '../../../src/core/scheduler/config.ts';
import { mulberry32 } from '../../../src/core/rng.ts';
import { constantsReport } from './constants-report.ts';
import { checkOverConfigs } from './diffusers-checks.ts';
import { dummyModel, dummyNoiseDeter, dummySampleDeter, sumAbs } from './diffusers-inputs.ts';
import { DDIM_FULL_LOOP_CONSTANTS, DDIM_VARIANCE_CONSTANTS, ddimFullLoop } from '../../../src/core/scheduler/diffusers-fixtures.ts';

const report = constantsReport('test_scheduler_ddim.py');
const base: SchedulerConfig = { numTrainTimesteps: 1000, betaStart: 0.0001, betaEnd: 0.02, betaSchedule: 'linear', clipSample: true };
const make = (c: object) => new DDIMScheduler(c as SchedulerConfig);


const forward = (timeStep: number, eta = 0, numInferenceSteps = 50) =>
  checkOverConfigs(make, 'DDIMScheduler', base, { timeStep, numInferenceSteps, stepOptions: () => ({ eta, generator: eta > 0 ? mulberry32(0) : null }) });
const overConfigs = (config: object) => checkOverConfigs(make, 'DDIMScheduler', { ...base, ...config }, { numInferenceSteps: 50 });

describe('test_scheduler_ddim.py', () => {
  it('test_timesteps: num_train_timesteps 100, 500, 1000 survive a config round trip', () => {
    for (const T of [100, 500, 1000]) overConfigs({ numTrainTimesteps: T });
  });
  it('test_steps_offset: steps_offset 1 with 5 steps gives [801, 601, 401, 201, 1]', () => {
    for (const o of [0, 1]) overConfigs({ stepsOffset: o });
    const s = new DDIMScheduler({ ...base, stepsOffset: 1 });
    s.setTimesteps(5);
    report.checkList('test_steps_offset', 'timesteps (N = 5)', s.timesteps, [801, 601, 401, 201, 1]);
  });
  it('test_betas: (β_start, β_end) from (0.0001, 0.002) to (0.1, 2)', () => {
    for (const [betaStart, betaEnd] of [[0.0001, 0.002], [0.001, 0.02], [0.01, 0.2], [0.1, 2]]) overConfigs({ betaStart, betaEnd });
  });
  it('test_schedules, test_prediction_type, test_clip_sample, test_timestep_spacing, test_rescale_betas_zero_snr', () => {
    for (const betaSchedule of ['linear', 'squaredcos_cap_v2']) overConfigs({ betaSchedule });
    for (const predictionType of ['epsilon', 'v_prediction']) overConfigs({ predictionType });
    for (const clipSample of [true, false]) overConfigs({ clipSample });
    for (const timestepSpacing of ['trailing', 'leading']) overConfigs({ timestepSpacing });
    for (const rescaleBetasZeroSnr of [true, false]) overConfigs({ rescaleBetasZeroSnr });
  });
  it('test_thresholding: sample_max_value 0.5, 1, 2 with ε and v prediction', () => {
    overConfigs({ thresholding: false });
    for (const sampleMaxValue of [0.5, 1, 2]) for (const predictionType of ['epsilon', 'v_prediction']) overConfigs({ thresholding: true, predictionType, sampleMaxValue });
  });
  it('test_time_indices, test_inference_steps, test_eta', () => {
    for (const t of [1, 10, 49]) forward(t);
    for (const [t, n] of [[1, 10], [10, 50], [50, 500]]) forward(t, 0, n);
    for (const [t, eta] of [[1, 0], [10, 0.5], [49, 1]]) forward(t, eta);
  });

  it('test_variance: _get_variance at (0,0), (420,400), (980,960), (487,486), (999,998)', () => {
    const s = new DDIMScheduler(base);
    for (const [t, p, want] of DDIM_VARIANCE_CONSTANTS) report.check('test_variance', `_get_variance(${t}, ${p})`, s.getVariance(t, p), want, 1e-5);
  });

  for (const { test, config, noiseFrom, sum, mean } of DDIM_FULL_LOOP_CONSTANTS) {
    it(`${test}: sum |x| = ${sum}, mean |x| = ${mean}`, () => {
      const r = ddimFullLoop(config, { noiseFrom });
      expect(r.sample.data).toBeInstanceOf(Float32Array);
      report.check(test, 'sum |x|', r.sum, sum, 1e-2);
      report.check(test, 'mean |x|', r.mean, mean, 1e-3);
    });
  }

  it('the recipes match the test file: full_loop is 10 steps at η = 0; with_noise starts at timesteps[8]', () => {
    const s = new DDIMScheduler(base);
    s.setTimesteps(10);
    expect(s.timesteps.slice(8)).toEqual([100, 0]);
    let x = s.addNoise(dummySampleDeter('float32'), dummyNoiseDeter('float32'), [100]);
    for (const t of [100, 0]) x = s.step(dummyModel(x, t), t, x, { eta: 0 }).prevSample;
    expect(sumAbs(x)).toBe(ddimFullLoop({}, { noiseFrom: 8 }).sum);
  });

  it('test_num_inference_steps_zero_raises (later diffusers): setTimesteps(0) throws', () => {
    const s = new DDIMScheduler(base);
    expect(() => s.setTimesteps(0)).toThrow(SchedulerConfigError);
  });
});

describe("test_schedulers.py's common tests, as they apply to DDIMScheduler", () => {
  it('test_step_shape: outputs at t = 0 and t = 1 keep the sample shape', () => {
    const s = new DDIMScheduler({ ...base, strict: false });
    s.setTimesteps(50);
    const x = dummySampleDeter('float32');
    const m = dummyModel(x, 1);
    expect(s.step(m, 0, x).prevSample.shape).toEqual(x.shape);
    expect(s.step(m, 1, x).prevSample.shape).toEqual(x.shape);
  });
  it('test_add_noise_device: add_noise at timesteps[5] keeps the shape', () => {
    const s = new DDIMScheduler(base);
    s.setTimesteps(100);
    const x = dummySampleDeter('float32');
    expect(s.addNoise(x, dummyNoiseDeter('float32'), [s.timesteps[5]]).shape).toEqual(x.shape);
  });
  it('test_trained_betas: trained_betas [0.1, 0.3] survive the config round trip', () => {
    const a = new DDIMScheduler({ ...base, trainedBetas: [0.1, 0.3], strict: false });
    const b = new DDIMScheduler({ ...JSON.parse(JSON.stringify({ ...a.config })), strict: false });
    expect(Array.from(b.betas)).toEqual(Array.from(a.betas));
    expect(Array.from(a.betas)).toEqual([Math.fround(0.1), Math.fround(0.3)]);
  });
  it('test_scheduler_public_api: initNoiseSigma, scaleModelInput and step exist', () => {
    const s = new DDIMScheduler(base);
    expect(s.initNoiseSigma).toBe(1);
    const x = dummySampleDeter('float32');
    expect(s.scaleModelInput(x)).toBe(x);
  });
});
