import { describe, expect, it } from 'vitest';
import { checkConstraints, defaults, defineParams, parseParam, readParams, writeParams, type Constraint } from '../../src/widgets/params.ts';
import { paramErrorMessage } from '../../src/widgets/param-messages.ts';
import { t } from '../../src/i18n/index.ts';

const table = defineParams({
  alphas: { type: 'list', label: 'rerun.param.alphas', default: [0.9, 0.5], maxLength: 4 },
  t: { type: 'int', label: 'rerun.param.t', min: 1, max: 10, default: 2 },
  n: { type: 'int', label: 'rerun.param.n', min: 1, max: 10, default: 1 },
});

describe('list parameters', () => {
  it('parse numbers separated by commas, semicolons or spaces', () => {
    expect(parseParam('alphas', table.alphas, ' 0.9, 0.5;0.1  0.05 ')).toEqual({ ok: true, value: [0.9, 0.5, 0.1, 0.05] });
  });
  it('name the offending element, an empty list and a list that is too long', () => {
    const err = (raw: string) => {
      const r = parseParam('alphas', table.alphas, raw);
      return r.ok ? null : r.error;
    };
    expect(err('0.9, abc')).toMatchObject({ code: 'notANumber', raw: 'abc' });
    expect(err('0.9, 0x1')).toMatchObject({ code: 'notANumber', raw: '0x1' });
    expect(err('  ')).toMatchObject({ code: 'emptyList' });
    expect(err('1 2 3 4 5')).toMatchObject({ code: 'listTooLong', raw: '5' });
    const tr = (key: Parameters<typeof t>[1], vars?: Record<string, string | number>) => t('en', key, vars);
    expect(paramErrorMessage(tr, err('0.9, abc')!)).toBe('Custom α_1, …, α_T (decreasing, 0 < α ≤ 1): "abc" is not a number.');
    expect(paramErrorMessage(tr, err('1 2 3 4 5')!)).toContain('has 5 numbers; it takes a list of up to 4 numbers');
  });
  it('round-trip through the URL, and a default-valued list is omitted', () => {
    const search = writeParams(table, { ...defaults(table), alphas: [0.8, 0.2] }, new URLSearchParams(), 'w');
    expect(search.get('w.alphas')).toBe('0.8, 0.2');
    expect(readParams(table, search, 'w').values.alphas).toEqual([0.8, 0.2]);
    expect(writeParams(table, { ...defaults(table), alphas: [0.9, 0.5] }, new URLSearchParams(), 'w').has('w.alphas')).toBe(false);
  });
});

describe('checkConstraints()', () => {
  const nAtMostT: Constraint<typeof table> = (v) => (v.n > v.t ? { message: 'rerun.violation.nRange', vars: { n: v.n, t: v.t, min: 1 }, param: 'n' } : null);
  it('returns the first broken rule between parameters, or null', () => {
    expect(checkConstraints([nAtMostT], { ...defaults(table), n: 2, t: 2 })).toBeNull();
    expect(checkConstraints([nAtMostT], { ...defaults(table), n: 3, t: 2 })).toEqual({ message: 'rerun.violation.nRange', vars: { n: 3, t: 2, min: 1 }, param: 'n' });
  });
});
