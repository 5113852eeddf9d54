/**
 * Bad input: strict schedulers (the default) throw a typed error naming the parameter and its valid
 * range, from the constructor or setTimesteps(), or at the entry of step() before any arithmetic.
 * With strict: false the port does what diffusers does (late errors, silent NaN), shown here too.
 */
import { describe, expect, it } from 'vitest';
import { DDIMScheduler } from '../../../src/core/scheduler/ddim.ts';
import { DDPMScheduler } from '../../../src/core/scheduler/ddpm.ts';
import { SchedulerConfigError, SchedulerInputError, SchedulerStepError } from '../../../src/core/scheduler/errors.ts';
import { float64Ops } from '../../../src/core/scheduler/typed-ops.ts';
import type { ArrayOps } from '../../../src/core/scheduler/ops.ts';
import { tensor, type Tensor } from '../../../src/core/scheduler/tensor.ts';
import { mulberry32 } from '../../../src/core/rng.ts';

const x = () => tensor(Float64Array.from([0.3, -1.2, 0.8, 0.1]), [2, 2]);
const eps = () => tensor(Float64Array.from([0.5, 0.2, -0.7, 1.1]), [2, 2]);

/** Run `fn`, expect a typed error of `kind` for `param` whose message names the parameter and range. */
function expectError(kind: typeof SchedulerInputError, param: string, fn: () => unknown, range?: RegExp): SchedulerInputError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, `expected ${kind.name} for ${param}`).toBeInstanceOf(kind);
  const e = caught as SchedulerInputError;
  expect(e).toBeInstanceOf(RangeError);
  expect(e.param).toBe(param);
  expect(e.message.startsWith(`${param} must be ${e.validRange}; got `)).toBe(true);
  if (range) expect(e.validRange).toMatch(range);
  return e;
}

const ready = (config = {}, n = 10) => {
  const s = new DDIMScheduler(config);
  s.setTimesteps(n);
  return s;
};

describe('numInferenceSteps', () => {
  for (const n of [0, -3, 1001, 2.5, NaN]) {
    it(`setTimesteps(${n}) throws naming numInferenceSteps and [1, 1000]`, () => {
      expectError(SchedulerConfigError, 'numInferenceSteps', () => new DDIMScheduler().setTimesteps(n), /^an integer in \[1, 1000\]$/);
      expectError(SchedulerConfigError, 'numInferenceSteps', () => new DDPMScheduler().setTimesteps(n), /\[1, 1000\]/);
    });
  }
  it('step() before setTimesteps() names numInferenceSteps', () => {
    expectError(SchedulerStepError, 'numInferenceSteps', () => new DDIMScheduler().step(eps(), 900, x()));
  });
});

describe('unknown names are refused at construction, listing the valid ones', () => {
  it('timestepSpacing, betaSchedule, predictionType, varianceType, and unknown options', () => {
    expectError(SchedulerConfigError, 'timestepSpacing', () => new DDIMScheduler({ timestepSpacing: 'evenly' as never }), /"leading", "trailing", "linspace"/);
    expectError(SchedulerConfigError, 'betaSchedule', () => new DDIMScheduler({ betaSchedule: 'cosine' as never }), /"squaredcos_cap_v2"/);
    expectError(SchedulerConfigError, 'predictionType', () => new DDIMScheduler({ predictionType: 'noise' as never }), /"v_prediction"/);
    expectError(SchedulerConfigError, 'varianceType', () => new DDPMScheduler({ varianceType: 'other' as never }), /"fixed_large"/);
    expectError(SchedulerConfigError, 'config', () => new DDIMScheduler({ clip_sample: true } as never), /clipSample/);
  });
  it('with strict: false they fail where diffusers fails: spacing in setTimesteps, prediction type in step()', () => {
    const s = new DDIMScheduler({ timestepSpacing: 'evenly' as never, strict: false });
    expectError(SchedulerConfigError, 'timestepSpacing', () => s.setTimesteps(10));
    const p = new DDIMScheduler({ predictionType: 'noise' as never, strict: false });
    p.setTimesteps(10);
    expect(() => p.step(eps(), 900, x())).toThrow(/predictionType must be one of/);
    // diffusers silently treats an unknown variance type as fixed_small.
    const d = new DDPMScheduler({ varianceType: 'other' as never, strict: false });
    expect(d.getVariance(500)).toBe(new DDPMScheduler().getVariance(500));
  });
});

describe('eta', () => {
  it('η < 0 is refused; diffusers would silently drop the noise and shrink the direction term', () => {
    expectError(SchedulerStepError, 'eta', () => ready().step(eps(), 900, x(), { eta: -0.5 }), /≥ 0/);
    const loose = ready({ strict: false });
    const out = loose.step(eps(), 900, x(), { eta: -0.5 }).prevSample;
    expect(out.data.every(Number.isFinite)).toBe(true);
  });
  it('η above maxEta(t) is refused with the bound in the message; diffusers returns NaN', () => {
    const s = ready();
    const max = s.maxEta(500);
    expect(max).toBeGreaterThan(1);
    const e = expectError(SchedulerStepError, 'eta', () => s.step(eps(), 500, x(), { eta: max * 1.01, generator: mulberry32(1) }), /^in \[0, 1\.\d+\] at timestep 500$/);
    expect(e.message).toMatch(/1 − ᾱ_prev − σ_t² = −?-?[\d.e-]+ < 0 and diffusers returns NaN/);
    expect(s.step(eps(), 500, x(), { eta: max * 0.99, generator: mulberry32(1) }).prevSample.data.every(Number.isFinite)).toBe(true);
    const loose = ready({ strict: false });
    expect(loose.step(eps(), 500, x(), { eta: max * 1.01, generator: mulberry32(1) }).prevSample.data.every(Number.isNaN)).toBe(true);
  });
  it('zero terminal SNR: at t = T − 1 the bound is exactly 1, and float32 rounding puts η = 1 beyond it', () => {
    // Stable Diffusion's β with rescaled zero-terminal SNR, trailing spacing, v-prediction, 10 steps.
    const sd = { betaSchedule: 'scaled_linear', betaStart: 0.00085, betaEnd: 0.012, rescaleBetasZeroSnr: true, timestepSpacing: 'trailing', predictionType: 'v_prediction' } as const;
    const s = ready(sd);
    expect(s.alphaProd(999)).toBe(0);
    expect(s.maxEta(999)).toBe(Math.fround(1 - 2 ** -24));
    expect(s.coefficients(999, 1).directionCoeffSquared).toBeLessThan(0);
    const e = expectError(SchedulerStepError, 'eta', () => s.step(eps(), 999, x(), { eta: 1, generator: mulberry32(2) }), /\[0, 0\.99999994\] at timestep 999/);
    expect(e.got).toBe(1);
    expect(s.step(eps(), 999, x(), { eta: s.maxEta(999), generator: mulberry32(2) }).prevSample.data.every(Number.isFinite)).toBe(true);
    // diffusers (strict: false here) returns NaN for the whole batch.
    expect(ready({ ...sd, strict: false }).step(eps(), 999, x(), { eta: 1, generator: mulberry32(2) }).prevSample.data.every(Number.isNaN)).toBe(true);
    // In float64 the same schedule has room for η = 1.
    expect(ready({ ...sd, schedulePrecision: 'float64' }).coefficients(999, 1).directionCoeffSquared).toBeGreaterThanOrEqual(0);
  });
  it('non-finite η is refused in both modes', () => {
    expectError(SchedulerStepError, 'eta', () => ready().step(eps(), 900, x(), { eta: NaN }));
    expectError(SchedulerStepError, 'eta', () => ready({ strict: false }).step(eps(), 900, x(), { eta: Infinity }));
  });
  it('setTimesteps(n, { eta }) refuses an η too large for any later step before the loop starts, and keeps the previous schedule', () => {
    // Linear schedule, N = 10: η_max per step is about 1.10 … 1.26, then 1.000 at timestep 100.
    const s = ready({}, 20);
    const max = (() => {
      const probe = ready({}, 10);
      return probe.maxEtaForSchedule();
    })();
    expect(max.timestep).toBe(100);
    expect(max.eta).toBeGreaterThan(1);
    expect(max.eta).toBeLessThan(1.001);
    // Without the option, η = 1.05 runs the first steps and fails at timestep 100 (mid-loop).
    const late = ready({}, 10);
    expect(late.step(eps(), 900, x(), { eta: 1.05, generator: mulberry32(1) }).prevSample.data.every(Number.isFinite)).toBe(true);
    expectError(SchedulerStepError, 'eta', () => late.step(eps(), 100, x(), { eta: 1.05, generator: mulberry32(1) }));
    // With it, the same η is refused up front, naming the schedule's range and the tightest step.
    const e = expectError(SchedulerConfigError, 'eta', () => s.setTimesteps(10, { eta: 1.05 }), /^in \[0, 1\.000\d*\] for this schedule \(N = 10\)$/);
    expect(e.message).toContain('timestep 100');
    expect(s.numInferenceSteps).toBe(20);
    expect(s.timesteps).toHaveLength(20);
    // A valid η passes, and every step then runs.
    s.setTimesteps(10, { eta: 1 });
    for (const t of s.timesteps) expect(s.step(eps(), t, x(), { eta: 1, generator: mulberry32(t) }).prevSample.data.every(Number.isFinite)).toBe(true);
    expectError(SchedulerConfigError, 'eta', () => s.setTimesteps(10, { eta: -1 }), /≥ 0/);
    expectError(SchedulerConfigError, 'options', () => s.setTimesteps(10, { etaa: 1 } as never));
    // strict: false keeps diffusers' behaviour: no schedule-wide check.
    expect(() => ready({ strict: false }, 10).setTimesteps(10, { eta: 1.05 })).not.toThrow();
  });
  it('a misspelt step() option is refused instead of ignored (Python raises TypeError on an unknown keyword)', () => {
    const e = expectError(SchedulerStepError, 'options', () => ready().step(eps(), 900, x(), { etaa: 1 } as never), /eta, useClippedModelOutput, varianceNoise, generator/);
    expect(e.message).toContain('Unknown key "etaa"');
    const ddpm = new DDPMScheduler();
    ddpm.setTimesteps(10);
    expectError(SchedulerStepError, 'options', () => ddpm.step(eps(), 900, x(), { eta: 0 } as never), /varianceNoise, generator/);
  });
  it('η > 0 needs exactly one of varianceNoise and generator', () => {
    expectError(SchedulerStepError, 'varianceNoise', () => ready().step(eps(), 900, x(), { eta: 1 }));
    expectError(SchedulerStepError, 'generator', () => ready().step(eps(), 900, x(), { eta: 1, varianceNoise: eps(), generator: mulberry32(1) }));
  });
});

describe('timestep', () => {
  it('a timestep not in the schedule is refused, listing the schedule', () => {
    const e = expectError(SchedulerStepError, 'timestep', () => ready().step(eps(), 950, x()), /scheduled timesteps \[900, 800/);
    expect(e.got).toBe(950);
    expectError(SchedulerStepError, 'timestep', () => {
      const d = new DDPMScheduler();
      d.setTimesteps(10);
      d.step(eps(), 950, x(), { generator: mulberry32(0) });
    });
  });
  it('with strict: false any index diffusers accepts is stepped, and t ≥ T is an index error', () => {
    const loose = ready({ strict: false });
    expect(loose.step(eps(), 950, x()).prevSample.data.every(Number.isFinite)).toBe(true);
    expectError(SchedulerStepError, 'timestep', () => loose.step(eps(), 1000, x()), /\[-1000, 999\]/);
  });
});

describe('non-finite and mismatched inputs', () => {
  const withNaN = () => tensor(Float64Array.from([0.3, NaN, 0.8, 0.1]), [2, 2]);
  const withInf = () => tensor(Float64Array.from([0.3, 1, -Infinity, 0.1]), [2, 2]);
  it('NaN or ±Infinity in sample, modelOutput or varianceNoise is refused', () => {
    expectError(SchedulerStepError, 'sample', () => ready().step(eps(), 900, withNaN()), /finite/);
    expectError(SchedulerStepError, 'modelOutput', () => ready().step(withInf(), 900, x()), /finite/);
    expectError(SchedulerStepError, 'varianceNoise', () => ready().step(eps(), 900, x(), { eta: 1, varianceNoise: withNaN() }), /finite/);
    expectError(SchedulerStepError, 'original', () => new DDIMScheduler().addNoise(withNaN(), eps(), [10]));
  });
  it('with strict: false NaN goes through, as in diffusers', () => {
    expect(ready({ strict: false }).step(eps(), 900, withNaN()).prevSample.data.some(Number.isNaN)).toBe(true);
  });
  it('shape and array-type mismatches name the argument', () => {
    expectError(SchedulerStepError, 'modelOutput', () => ready().step(tensor(new Float64Array(6), [3, 2]), 900, x()), /\[2, 2\]/);
    expectError(SchedulerStepError, 'modelOutput', () => ready().step(tensor(new Float32Array(4), [2, 2]) as Tensor, 900, x()), /Float64Array/);
    expectError(SchedulerStepError, 'timesteps', () => new DDIMScheduler().addNoise(x(), eps(), [1, 2, 3]), /1 or 2/);
  });
});

describe('schedules diffusers would turn into NaN or an index error later', () => {
  it('β outside (β_min, 1]: betaEnd = 2, betaStart below float32 resolution', () => {
    expectError(SchedulerConfigError, 'betaEnd', () => new DDIMScheduler({ betaEnd: 2 }), /\(0, 1\]/);
    expectError(SchedulerConfigError, 'betaStart', () => new DDIMScheduler({ betaStart: 1e-9 }), /2\.980e-8/);
    expect(() => new DDIMScheduler({ betaStart: 1e-9, schedulePrecision: 'float64' })).not.toThrow();
  });
  it('trainedBetas must match numTrainTimesteps and lie in (0, 1]', () => {
    expectError(SchedulerConfigError, 'trainedBetas', () => new DDIMScheduler({ trainedBetas: [0.1, 0.3] }), /1000 numbers/);
    expectError(SchedulerConfigError, 'trainedBetas[1]', () => new DDIMScheduler({ trainedBetas: [0.1, 1.5], numTrainTimesteps: 2 }));
    expect(new DDIMScheduler({ trainedBetas: [0.1, 0.3], numTrainTimesteps: 2 }).alphasCumprod[1]).toBeCloseTo(0.63, 6);
  });
  it('stepsOffset that pushes a leading timestep to T is refused in setTimesteps', () => {
    const s = new DDIMScheduler({ stepsOffset: 1 });
    expectError(SchedulerConfigError, 'stepsOffset', () => s.setTimesteps(1000), /\[0, 0\]/);
    expect(() => s.setTimesteps(999)).not.toThrow();
  });
  it('ε-prediction with a zero-terminal-SNR schedule is refused where the schedule reaches ᾱ_t = 0', () => {
    const s = new DDIMScheduler({ rescaleBetasZeroSnr: true, timestepSpacing: 'trailing' });
    expectError(SchedulerConfigError, 'predictionType', () => s.setTimesteps(10), /v_prediction/);
    const v = new DDIMScheduler({ rescaleBetasZeroSnr: true, timestepSpacing: 'trailing', predictionType: 'v_prediction' });
    v.setTimesteps(10);
    expect(v.step(eps(), 999, x()).prevSample.data.every(Number.isFinite)).toBe(true);
    const loose = new DDIMScheduler({ rescaleBetasZeroSnr: true, timestepSpacing: 'trailing', clipSample: false, strict: false });
    loose.setTimesteps(10);
    expect(loose.step(eps(), 999, x()).predOriginalSample.data.every((v) => !Number.isFinite(v))).toBe(true);
  });
});

describe('errors are raised before any arithmetic', () => {
  /** float64 ops that count the arithmetic operations performed. */
  function countingOps() {
    let calls = 0;
    const counted = ['add', 'sub', 'scale', 'divide', 'clamp', 'quantileAbs'] as const;
    const ops = { ...float64Ops } as Record<string, unknown>;
    for (const name of counted) {
      const fn = (float64Ops as unknown as Record<string, (...a: unknown[]) => unknown>)[name];
      ops[name] = (...args: unknown[]) => {
        calls++;
        return fn(...args);
      };
    }
    return { ops: ops as unknown as ArrayOps<Tensor<Float64Array>>, calls: () => calls };
  }
  const bad: [string, (s: DDIMScheduler, ops: ArrayOps<Tensor<Float64Array>>) => unknown][] = [
    ['eta too large', (s, ops) => s.stepWith(ops, eps() as Tensor<Float64Array>, 500, x() as Tensor<Float64Array>, { eta: 10, generator: mulberry32(0) })],
    ['timestep off schedule', (s, ops) => s.stepWith(ops, eps() as Tensor<Float64Array>, 501, x() as Tensor<Float64Array>)],
    ['NaN in the model output', (s, ops) => s.stepWith(ops, tensor(Float64Array.from([NaN, 0, 0, 0]), [2, 2]), 500, x() as Tensor<Float64Array>)],
  ];
  for (const [name, call] of bad) {
    it(`${name}: no array operation has run when the error is thrown`, () => {
      const { ops, calls } = countingOps();
      expect(() => call(ready(), ops)).toThrow(SchedulerStepError);
      expect(calls()).toBe(0);
      // and the same ops do run for a valid call
      ready().stepWith(ops, eps() as Tensor<Float64Array>, 500, x() as Tensor<Float64Array>);
      expect(calls()).toBeGreaterThan(0);
    });
  }
});
