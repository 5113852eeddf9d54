import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, DIFFUSERS_NAMES, parseDDPMConfig, parseSchedulerConfig } from '../../../src/core/scheduler/config.ts';
import { fromDiffusersConfig, toDiffusersConfig } from '../../../src/core/scheduler/config-json.ts';
import { SchedulerConfigError } from '../../../src/core/scheduler/errors.ts';

describe('parseSchedulerConfig', () => {
  it("fills diffusers' defaults", () => {
    expect(parseSchedulerConfig()).toEqual(DEFAULT_CONFIG);
    expect(parseSchedulerConfig({ betaEnd: 0.012 }).betaEnd).toBe(0.012);
    expect(parseDDPMConfig().varianceType).toBe('fixed_small');
  });
  it('names every option after diffusers', () => {
    for (const key of Object.keys(DEFAULT_CONFIG).filter((k) => k !== 'strict' && k !== 'schedulePrecision')) expect(DIFFUSERS_NAMES[key]).toMatch(/^[a-z_]+$/);
  });
  it('rejects wrong types with the parameter name', () => {
    expect(() => parseSchedulerConfig({ clipSample: 'yes' as never })).toThrow('clipSample must be true or false; got "yes".');
    expect(() => parseSchedulerConfig({ numTrainTimesteps: 0 })).toThrow(SchedulerConfigError);
    expect(() => parseSchedulerConfig({ rescaleBetasZeroSnr: true, numTrainTimesteps: 1 })).toThrow(/numTrainTimesteps must be an integer ≥ 2/);
    expect(() => parseSchedulerConfig({ dynamicThresholdingRatio: 1.5 })).toThrow(/dynamicThresholdingRatio must be a number in \[0, 1\]/);
  });
});

describe('diffusers JSON configs', () => {
  it('round-trip through snake_case, skipping metadata keys', () => {
    const c = parseSchedulerConfig({ betaSchedule: 'scaled_linear', betaStart: 0.00085, betaEnd: 0.012, stepsOffset: 1, clipSample: false });
    const json = toDiffusersConfig(c);
    expect(json.beta_schedule).toBe('scaled_linear');
    expect(json._class_name).toBe('DDIMScheduler');
    expect(parseSchedulerConfig(fromDiffusersConfig({ ...json, _diffusers_version: '0.21.0' }))).toEqual(c);
  });
  it('refuse keys that are not scheduler options', () => {
    expect(() => fromDiffusersConfig({ skip_prk_steps: true })).toThrow(/"skip_prk_steps" is not one/);
  });
});
