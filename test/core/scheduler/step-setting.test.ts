/**
 * Scheduler settings for the walkthrough identities: random settings are valid and cover every
 * schedule and spacing, η above 1 included; a reader's bad setting is named by field and range.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/core/rng.ts';
import { drawStepSetting, schedulerAt, stepSettingProblem, STEP_SETTING_RANGES, type StepSetting } from '../../../src/core/scheduler/step-setting.ts';

const GOOD: StepSetting = { betaSchedule: 'linear', numTrainTimesteps: 1000, numInferenceSteps: 10, timestepSpacing: 'leading', stepsOffset: 0, stepIndex: 4, eta: 0.5 };

describe('drawStepSetting()', () => {
  it('gives valid settings over the whole range: every schedule and spacing, η = 0, η = 1 and η > 1', () => {
    const rng = mulberry32(11);
    const seen = { schedules: new Set<string>(), spacings: new Set<string>(), etaZero: 0, etaOne: 0, etaAboveOne: 0, bigN: 0 };
    for (let i = 0; i < 400; i++) {
      const s = drawStepSetting(rng);
      expect(stepSettingProblem(s), JSON.stringify(s)).toBeNull();
      seen.schedules.add(s.betaSchedule);
      seen.spacings.add(s.timestepSpacing);
      if (s.eta === 0) seen.etaZero++;
      if (s.eta === 1) seen.etaOne++;
      if (s.eta > 1) seen.etaAboveOne++;
      if (s.numInferenceSteps > 100) seen.bigN++;
      expect(s.numTrainTimesteps).toBeLessThanOrEqual(STEP_SETTING_RANGES.maxT);
    }
    expect(seen.schedules.size).toBe(3);
    expect(seen.spacings.size).toBe(3);
    expect(Math.min(seen.etaZero, seen.etaOne, seen.etaAboveOne, seen.bigN)).toBeGreaterThan(10);
  });

  it('keeps a fixed η and one spacing when asked', () => {
    const rng = mulberry32(5);
    for (let i = 0; i < 50; i++) {
      const s = drawStepSetting(rng, { spacings: ['trailing'], eta: 1 });
      expect([s.timestepSpacing, s.eta]).toEqual(['trailing', 1]);
    }
  });
});

describe('stepSettingProblem()', () => {
  it('accepts a valid setting', () => {
    expect(stepSettingProblem(GOOD)).toBeNull();
  });
  it('names the broken field and its range', () => {
    const cases: [Partial<StepSetting>, string, string][] = [
      [{ numTrainTimesteps: 1 }, 'numTrainTimesteps', 'T'],
      [{ numTrainTimesteps: 2.5 }, 'numTrainTimesteps', 'T'],
      [{ numInferenceSteps: 0 }, 'numInferenceSteps', 'N'],
      [{ numInferenceSteps: 1001 }, 'numInferenceSteps', 'N'],
      [{ numInferenceSteps: 1000, stepsOffset: 1 }, 'stepsOffset', 'offset'],
      [{ stepIndex: 10 }, 'stepIndex', 'stepIndex'],
      [{ stepIndex: -1 }, 'stepIndex', 'stepIndex'],
      [{ eta: -0.1 }, 'eta', 'eta'],
      [{ eta: Number.NaN }, 'eta', 'eta'],
      [{ eta: 5 }, 'eta', 'etaMax'],
    ];
    for (const [change, field, code] of cases) {
      const p = stepSettingProblem({ ...GOOD, ...change });
      expect(p, JSON.stringify(change)).not.toBeNull();
      expect([p!.field, p!.code]).toEqual([field, code]);
    }
  });
  it('allows η up to the step’s η_max and no further', () => {
    const { s, t } = schedulerAt(GOOD);
    const max = s.maxEta(t);
    expect(max).toBeGreaterThan(1);
    expect(stepSettingProblem({ ...GOOD, eta: max })).toBeNull();
    expect(stepSettingProblem({ ...GOOD, eta: max * (1 + 1e-9) })?.vars.max).toBe(max);
  });
});
