/**
 * The rules the live re-run applies to the reader's values before anything runs, and the
 * messages that name them: α outside (0, 1], α not decreasing in t, n > t, η < 0, and η so
 * large that 1 − α_{t−n} − σ² < 0.
 */
import { describe, expect, it } from 'vitest';
import { checkAlphaList, readerViolation, situationFor, type ClaimMeta, type ReaderValues } from '../../../src/widgets/claim-rerun/situation-for.ts';
import { rerunConstraints } from '../../../src/widgets/claim-rerun/constraints.ts';
import { defaults, parseParam } from '../../../src/widgets/params.ts';
import { rerunParams } from '../../../src/widgets/claim-rerun/params.ts';
import { getClaim } from '../../../src/core/claims/registry.ts';
import { t } from '../../../src/i18n/index.ts';

const jumpMeta: ClaimMeta = { needs: {}, uses: { n: true, eta: true } };
const base: ReaderValues = { schedule: 'linear', T: 1000, alphas: [0.9, 0.5], t: 500, n: 20, eta: 0.5 };
const codeOf = (v: Partial<ReaderValues>, meta = jumpMeta) => readerViolation({ ...base, ...v }, meta)?.code ?? null;

describe('checkAlphaList()', () => {
  it('wants 0 < α ≤ 1, strictly decreasing after α_0 = 1', () => {
    expect(checkAlphaList([0.9, 0.5, 0.1])).toBeNull();
    expect(checkAlphaList([0.9, 1.2])).toEqual({ code: 'alphaRange', vars: { k: 2, value: 1.2 } });
    expect(checkAlphaList([0.9, 0])).toEqual({ code: 'alphaRange', vars: { k: 2, value: 0 } });
    expect(checkAlphaList([0.5, 0.7])).toEqual({ code: 'alphaOrder', vars: { k: 2, km1: 1, value: 0.7, prev: 0.5 } });
    expect(checkAlphaList([1])).toMatchObject({ code: 'alphaOrder' });
  });
});

describe('readerViolation()', () => {
  it('accepts the defaults and flags each broken constraint by name', () => {
    expect(codeOf({})).toBeNull();
    expect(codeOf({ schedule: 'custom', alphas: [0.9, 1.5], t: 2, n: 1 })).toBe('alphaRange');
    expect(codeOf({ schedule: 'custom', alphas: [0.5, 0.9], t: 2, n: 1 })).toBe('alphaOrder');
    expect(codeOf({ n: 600 })).toBe('nRange');
    expect(codeOf({ t: 1200 })).toBe('tRange');
    expect(codeOf({ schedule: 'custom', alphas: [0.9, 0.5], t: 3, n: 1 })).toBe('tRange');
    expect(codeOf({ eta: -0.5 })).toBe('etaNegative');
    expect(codeOf({ eta: 40 })).toBe('varianceNegative');
  });
  it('uses n = 1 for one-step claims and the claim’s own fixed η', () => {
    const oneStep: ClaimMeta = { needs: {}, uses: { n: false, eta: 1 } };
    expect(situationFor({ ...base, n: 900, eta: 7 }, oneStep)).toMatchObject({ n: 1, eta: 1 });
    expect(codeOf({ n: 900 }, oneStep)).toBeNull();
  });
});

describe('rerunConstraints()', () => {
  const meta = { 'sampler.jump-update': { needs: getClaim('sampler.jump-update').needs ?? {}, uses: getClaim('sampler.jump-update').uses } };
  const table = rerunParams(Object.keys(meta));
  const [rule] = rerunConstraints(meta);
  const tr = (key: Parameters<typeof t>[1], vars?: Record<string, string | number>) => t('en', key, vars);
  it('turns a violation into a message that names the constraint, in English and Chinese', () => {
    const broken = rule({ ...defaults(table), eta: 40 })!;
    expect(broken.param).toBe('eta');
    expect(tr(broken.message, broken.vars)).toMatch(/^η = 40 is too large here: 1 − α_\{t−n\} − σ² = −\d/);
    expect(t('zh', broken.message, broken.vars)).toContain('太大了');
    const order = rule({ ...defaults(table), schedule: 'custom', alphas: [0.9, 0.95], t: 2, n: 1 })!;
    expect(tr(order.message, order.vars)).toBe('α must decrease as t grows (α_0 = 1 > α_1 > α_2 > …); α_2 = 0.95 is not below α_1 = 0.9.');
  });
  it('leaves η < 0 to the parameter’s own range check, which names η and its range', () => {
    const r = parseParam('eta', table.eta, '-1');
    expect(r.ok).toBe(false);
  });
});
