import { describe, expect, it } from 'vitest';
import { defaults, defineParams, parseParam, readParams, writeParams } from '../../src/widgets/params.ts';
import { paramErrorMessage } from '../../src/widgets/param-messages.ts';
import { t } from '../../src/i18n/index.ts';

const table = defineParams({
  t: { type: 'int', label: 'fwd.param.t', min: 0, max: 1000, default: 250 },
  eta: { type: 'float', label: 'fwd.param.seed', min: 0, max: 1, default: 0 },
  schedule: { type: 'enum', label: 'fwd.param.schedule', choices: ['linear', 'cosine'], default: 'linear' },
  clip: { type: 'bool', label: 'fwd.param.n', default: false },
});

describe('parseParam()', () => {
  it('accepts plain decimal numbers in range and rejects everything else with a reason', () => {
    expect(parseParam('t', table.t, ' 42 ')).toEqual({ ok: true, value: 42 });
    expect(parseParam('eta', table.eta, '0.5')).toEqual({ ok: true, value: 0.5 });
    expect(parseParam('eta', table.eta, '1e-1')).toEqual({ ok: true, value: 0.1 });
    const code = (name: 't' | 'eta', raw: string) => {
      const r = parseParam(name, table[name], raw);
      return r.ok ? 'ok' : r.error.code;
    };
    expect(code('t', '')).toBe('notANumber');
    expect(code('t', 'abc')).toBe('notANumber');
    expect(code('t', 'NaN')).toBe('notANumber');
    expect(code('t', 'Infinity')).toBe('notANumber');
    expect(code('t', '0x10')).toBe('notANumber');
    expect(code('t', '12.5')).toBe('notAnInteger');
    expect(code('t', '1001')).toBe('outOfRange');
    expect(code('t', '-1')).toBe('outOfRange');
    expect(code('eta', '1e400')).toBe('notANumber');
  });
  it('matches choices exactly and reads booleans', () => {
    expect(parseParam('schedule', table.schedule, 'cosine')).toEqual({ ok: true, value: 'cosine' });
    expect(parseParam('schedule', table.schedule, 'Cosine').ok).toBe(false);
    expect(parseParam('clip', table.clip, 'true')).toEqual({ ok: true, value: true });
    expect(parseParam('clip', table.clip, 'off')).toEqual({ ok: true, value: false });
    expect(parseParam('clip', table.clip, 'yes').ok).toBe(false);
  });
});

describe('readParams() / writeParams()', () => {
  it('round-trips non-default values through the URL and omits defaults', () => {
    const values = { ...defaults(table), t: 600, schedule: 'cosine' as const, clip: true };
    const search = writeParams(table, values, new URLSearchParams('other=1'), 'w');
    expect(search.toString()).toBe('other=1&w.t=600&w.schedule=cosine&w.clip=true');
    expect(readParams(table, search, 'w')).toEqual({ values, errors: [] });
  });
  it('keeps the default for an invalid value and reports it', () => {
    const { values, errors } = readParams(table, new URLSearchParams('w.t=5000&w.eta=abc'), 'w');
    expect(values.t).toBe(250);
    expect(values.eta).toBe(0);
    expect(errors.map((e) => [e.param, e.code])).toEqual([
      ['t', 'outOfRange'],
      ['eta', 'notANumber'],
    ]);
  });
  it('ignores parameters of other widgets', () => {
    expect(readParams(table, new URLSearchParams('x.t=5'), 'w').values.t).toBe(250);
  });
});

describe('defineParams()', () => {
  it('refuses a default outside its own range', () => {
    expect(() => defineParams({ n: { type: 'int', label: 'fwd.param.n', min: 1, max: 10, default: 0 } })).toThrow(/default 0 is not valid/);
  });
});

describe('paramErrorMessage()', () => {
  const tr = (key: Parameters<typeof t>[1], vars?: Record<string, string | number>) => t('en', key, vars);
  it('names the parameter and its valid range', () => {
    const r = parseParam('t', table.t, '5000');
    if (r.ok) throw new Error('expected an error');
    expect(paramErrorMessage(tr, r.error)).toBe('Timestep t must be a whole number from 0 to 1000; got 5000.');
  });
  it('lists the valid choices, in Chinese too', () => {
    const r = parseParam('schedule', table.schedule, 'quadratic');
    if (r.ok) throw new Error('expected an error');
    expect(paramErrorMessage(tr, r.error)).toContain('linear, cosine');
    expect(paramErrorMessage((k, v) => t('zh', k, v), r.error)).toBe('“β 调度”只能取 linear, cosine 之一，当前输入为“quadratic”。');
  });
});

describe('keptMessage() and joinSentences()', () => {
  it('shows a kept choice by its label, and joins Chinese sentences without a space', async () => {
    const { joinSentences, keptMessage } = await import('../../src/widgets/param-messages.ts');
    const spec = { type: 'enum', label: 'fwd.param.schedule', choices: ['linear', 'cosine'], default: 'linear', choiceLabels: { linear: 'schedule.linear' } } as const;
    const zh = (k: Parameters<typeof t>[1], v?: Record<string, string | number>) => t('zh', k, v);
    const en = (k: Parameters<typeof t>[1], v?: Record<string, string | number>) => t('en', k, v);
    expect(keptMessage(zh, spec, 'linear')).toBe('已保留之前的值 线性。');
    expect(keptMessage(en, spec, 'cosine')).toBe('The previous value, cosine, is kept.');
    expect(joinSentences('当前输入为 5000。', '已保留之前的值 250。')).toBe('当前输入为 5000。已保留之前的值 250。');
    expect(joinSentences('got 5000.', 'The previous value, 250, is kept.')).toBe('got 5000. The previous value, 250, is kept.');
  });
});
