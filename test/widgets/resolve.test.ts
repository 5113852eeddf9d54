import { describe, expect, it } from 'vitest';
import { resolveConflicts } from '../../src/widgets/resolve.ts';
import { defaults } from '../../src/widgets/params.ts';
import { claimsOf } from '../../src/core/claims/registry.ts';
import { rerunParams } from '../../src/widgets/claim-rerun/params.ts';
import { rerunConstraints } from '../../src/widgets/claim-rerun/constraints.ts';
import { labChecksParams } from '../../src/widgets/lab-checks/params.ts';
import { checksCheck } from '../../src/widgets/lab-checks/check.ts';
import { checkConstraints } from '../../src/widgets/params.ts';

const claims = claimsOf('errata');
const rerunTable = rerunParams(claims.map((c) => c.id));
const rerunRules = rerunConstraints(Object.fromEntries(claims.map((c) => [c.id, { needs: c.needs ?? {}, uses: c.uses }])));

describe('resolveConflicts()', () => {
  it('leaves values that break no rule as they are', () => {
    const values = defaults(labChecksParams);
    expect(resolveConflicts(labChecksParams, [checksCheck], values, new Set())).toEqual({ values, adjusted: [] });
  });

  it('keeps checks.t = 1 and lowers the default jump to the largest that fits (t + 1 = 2)', () => {
    const r = resolveConflicts(labChecksParams, [checksCheck], { ...defaults(labChecksParams), t: 1 }, new Set(['t']));
    expect(r?.values.t).toBe(1);
    expect(r?.values.jump).toBe(2);
    expect(r?.adjusted).toEqual([{ param: 'jump', from: 50, to: 2 }]);
  });

  it('keeps the message when the rule blames a value the reader set (jump 900 with the default t)', () => {
    expect(resolveConflicts(labChecksParams, [checksCheck], { ...defaults(labChecksParams), jump: 900 }, new Set(['jump']))).toBeNull();
  });

  it('returns null when the conflict is between two values the reader set', () => {
    expect(resolveConflicts(labChecksParams, [checksCheck], { ...defaults(labChecksParams), t: 1, jump: 50 }, new Set(['t', 'jump']))).toBeNull();
  });

  for (const [name, set] of [
    ['t = 5', { t: 5 }],
    ['T = 2', { T: 2 }],
    ['schedule = custom', { schedule: 'custom' }],
    ['T = 2 with schedule = scaled_linear', { T: 2, schedule: 'scaled_linear' }],
  ] as const) {
    it(`keeps the reader's rerun ${name} and adjusts only defaults until every rule holds`, () => {
      const start = { ...defaults(rerunTable), ...set };
      expect(checkConstraints(rerunRules, start)).not.toBeNull();
      const r = resolveConflicts(rerunTable, rerunRules, start, new Set(Object.keys(set)));
      expect(r).not.toBeNull();
      expect(r!.values).toMatchObject(set);
      expect(checkConstraints(rerunRules, r!.values)).toBeNull();
      for (const a of r!.adjusted) expect(Object.keys(set)).not.toContain(a.param);
      expect(r!.adjusted.length).toBeGreaterThan(0);
    });
  }
});
