/**
 * The rules the scheduler re-run applies to the reader's values before anything runs: T, N, the
 * step k, steps_offset and η ≤ η_max, each checked only where the claim reads it; and the message
 * keys and numbers the page shows (η_max rounded down, so the bound it names is allowed).
 */
import { describe, expect, it } from 'vitest';
import { readerProblem, settingFor, type StepClaimMeta, type StepReaderValues } from '../../../src/widgets/claim-rerun/step-setting-for.ts';
import { stepRerunConstraints } from '../../../src/widgets/claim-rerun/step-constraints.ts';
import { stepRerunParams } from '../../../src/widgets/claim-rerun/step-params.ts';
import { defaults } from '../../../src/widgets/params.ts';
import { claimsOf } from '../../../src/core/claims/registry.ts';
import { schedulerAt } from '../../../src/core/scheduler/step-setting.ts';
import { t, type UiKey } from '../../../src/i18n/index.ts';

const meta: Record<string, StepClaimMeta> = Object.fromEntries(claimsOf('diffusers-ddim-step').map((c) => [c.id, { reads: c.scheduler!.reads, needs: c.scheduler!.needs }]));
const base: StepReaderValues = { schedule: 'linear', T: 1000, N: 10, spacing: 'leading', offset: 0, k: 5, eta: 0.5 };
const codeOf = (id: string, v: Partial<StepReaderValues>) => readerProblem({ ...base, ...v }, meta[id])?.code ?? null;

describe('readerProblem()', () => {
  it('accepts the widget’s defaults for every claim', () => {
    const table = stepRerunParams(Object.keys(meta));
    for (const id of Object.keys(meta)) expect(readerProblem(defaults(table), meta[id]), id).toBeNull();
  });
  it('flags T, N, k and η by name, where the claim reads them', () => {
    expect(codeOf('ddim-step.update', { T: 8 })).toBe('N');
    expect(codeOf('ddim-step.update', { N: 0 })).toBe('N');
    expect(codeOf('ddim-step.update', { k: 10 })).toBe('stepIndex');
    expect(codeOf('ddim-step.update', { eta: 2.5 })).toBe('etaMax');
    // x̂_0 does not read η, the recipes do not read k: those cannot be wrong there.
    expect(codeOf('ddim-step.x0-epsilon', { eta: 2.5 })).toBeNull();
    expect(codeOf('ddim-step.spacing-trailing', { k: 50 })).toBeNull();
    // The DDPM comparison fixes η = 1 and leading spacing.
    expect(codeOf('ddim-step.ddpm-posterior', { eta: 2.5, spacing: 'trailing' })).toBeNull();
    expect(settingFor({ ...base, spacing: 'trailing' }, meta['ddim-step.ddpm-posterior'])).toMatchObject({ timestepSpacing: 'leading', eta: 1 });
  });
  it('flags steps_offset only for the leading recipe, when it pushes a timestep to T', () => {
    expect(codeOf('ddim-step.update', { offset: 1000 })).toBeNull();
    expect(codeOf('ddim-step.spacing-leading', { offset: 100 })).toBe('offset');
    expect(codeOf('ddim-step.spacing-leading', { offset: 99 })).toBeNull();
  });
});

describe('stepRerunConstraints()', () => {
  const [rule] = stepRerunConstraints(meta);
  it('names the parameter and a bound that is itself allowed', () => {
    const e = rule({ ...defaults(stepRerunParams(Object.keys(meta))), claim: 'ddim-step.update', eta: 2.5 });
    expect(e?.param).toBe('eta');
    expect(e?.message).toBe('steprerun.violation.etaMax');
    const shown = Number(e!.vars!.max);
    const { s, t: timestep } = schedulerAt({ betaSchedule: 'linear', numTrainTimesteps: 1000, numInferenceSteps: 10, timestepSpacing: 'leading', stepsOffset: 0, stepIndex: 5, eta: 0 });
    expect(shown).toBeLessThanOrEqual(s.maxEta(timestep));
    expect(shown).toBeGreaterThan(s.maxEta(timestep) - 1e-4);
    expect(codeOf('ddim-step.update', { eta: shown })).toBeNull();
    for (const lang of ['en', 'zh'] as const) expect(t(lang, e!.message as UiKey, e!.vars)).not.toMatch(/\{\w+\}/);
  });
});
