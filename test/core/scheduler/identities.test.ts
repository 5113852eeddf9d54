/**
 * The walkthrough identities as functions of a scheduler setting: what they fix (spacing, last step,
 * η), that they read exactly the fields they declare, and that the same seed gives the same sides.
 * That they hold over 1,000 random settings is checked with the claims registry
 * (test/core/claims/registry.test.ts); that they are not vacuous, in test/core/claims/diffusers-ddim-step.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/core/rng.ts';
import { STEP_IDENTITIES, stepIdentity } from '../../../src/core/scheduler/identities.ts';
import { drawStepSetting, timestepsOf, withNeeds, type StepSetting, type StepSettingField } from '../../../src/core/scheduler/step-setting.ts';

/** A setting every identity accepts: leading spacing, a middle step, η = 0.5. */
const BASE: StepSetting = { betaSchedule: 'linear', numTrainTimesteps: 1000, numInferenceSteps: 10, timestepSpacing: 'leading', stepsOffset: 0, stepIndex: 4, eta: 0.5 };

/** A different valid value for each field (same number of timesteps, so stepIndex stays valid). */
const OTHER: { [K in StepSettingField]: StepSetting[K] } = {
  betaSchedule: 'squaredcos_cap_v2',
  numTrainTimesteps: 800,
  numInferenceSteps: 9,
  timestepSpacing: 'linspace',
  stepsOffset: 1,
  stepIndex: 2,
  eta: 0.9,
};

/** Fields an identity reads but whose value cannot change its sides, and why. */
const INVARIANT: Record<string, StepSettingField[]> = {
  // On the last step σ_t = 0 whatever η: that is what the equation says.
  'ddim-step.final-step': ['eta'],
};

/** A few valid values per field, to see that a field the identity reads changes its sides. */
const ALTERNATIVES: { [K in StepSettingField]: StepSetting[K][] } = {
  betaSchedule: ['scaled_linear', 'linear'],
  numTrainTimesteps: [800, 500, 200],
  numInferenceSteps: [9, 20],
  timestepSpacing: ['linspace', 'trailing'],
  stepsOffset: [1],
  stepIndex: [0, 9],
  eta: [0, 1],
};

const sidesAt = (id: string, setting: StepSetting, seed = 42) => stepIdentity(id).at(setting, mulberry32(seed));

describe('walkthrough identities', () => {
  it('have unique ids', () => {
    const ids = STEP_IDENTITIES.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const c of STEP_IDENTITIES) {
    it(`${c.id}: same seed, same sides; finite at a random setting`, () => {
      const a = c.evaluate(mulberry32(7));
      expect(c.evaluate(mulberry32(7))).toEqual(a);
      expect([...a.lhs, ...a.rhs].every(Number.isFinite)).toBe(true);
      expect(a.lhs.length).toBe(a.rhs.length);
    });

    it(`${c.id}: reads only [${c.reads.join(', ')}] of the setting`, () => {
      const base = sidesAt(c.id, BASE);
      for (const field of Object.keys(OTHER) as StepSettingField[]) {
        const changed = sidesAt(c.id, { ...BASE, [field]: OTHER[field] });
        if (!c.reads.includes(field)) expect(changed, `${field} is not read`).toEqual(base);
      }
      // Each field it reads matters somewhere (the sides change for one of a few values and seeds).
      for (const field of c.reads.filter((f) => !INVARIANT[c.id]?.includes(f))) {
        const moved = [BASE, { ...BASE, betaSchedule: 'squaredcos_cap_v2' as const }].some((base) =>
          ALTERNATIVES[field].some((v) => [42, 43].some((seed) => JSON.stringify(sidesAt(c.id, { ...base, [field]: v }, seed)) !== JSON.stringify(sidesAt(c.id, base, seed)))),
        );
        expect(moved, `${field} is read`).toBe(true);
      }
    });
  }

  it('withNeeds() applies what an identity fixes: the last step, η, the one spacing, steps_offset', () => {
    const final = withNeeds({ ...BASE, stepIndex: 2 }, stepIdentity('ddim-step.final-step').needs);
    expect(final.stepIndex).toBe(timestepsOf(final).length - 1);
    const ddpm = withNeeds({ ...BASE, timestepSpacing: 'trailing', eta: 0.2, stepsOffset: 1 }, stepIdentity('ddim-step.ddpm-posterior').needs);
    expect([ddpm.timestepSpacing, ddpm.eta, ddpm.stepsOffset]).toEqual(['leading', 1, 0]);
    expect(withNeeds({ ...BASE, stepsOffset: 1 }, stepIdentity('ddim-step.spacing-leading').needs).stepsOffset).toBe(1);
  });

  it('random settings respect what an identity restricts', () => {
    const rng = mulberry32(3);
    for (let i = 0; i < 200; i++) {
      const s = drawStepSetting(rng, stepIdentity('ddim-step.final-step').needs);
      expect(s.timestepSpacing).toBe('leading');
      expect(s.stepIndex).toBe(timestepsOf(s).length - 1);
    }
  });
});
