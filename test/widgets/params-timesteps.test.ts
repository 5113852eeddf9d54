import { describe, expect, it } from 'vitest';
import { defaults, defineParams, isShown, parseParam, readParams, writeParams } from '../../src/widgets/params.ts';
import { joinSentences, keptMessage, paramErrorMessage } from '../../src/widgets/param-messages.ts';
import { t, type Lang } from '../../src/i18n/index.ts';
import { labLemmaParams } from '../../src/widgets/lab-lemma/params.ts';
import { lemmaTau } from '../../src/widgets/lab-lemma/tau.ts';
import { lemmaCheck } from '../../src/widgets/lab-lemma/check.ts';
import { makeTau } from '../../src/core/sampling/tau.ts';
import { maxEtaAlong } from '../../src/core/sampling/lab-config.ts';

const spec = labLemmaParams.customTau;
const tr = (lang: Lang) => (key: Parameters<typeof t>[1], vars?: Record<string, string | number>) => t(lang, key, vars);
const message = (lang: Lang, raw: string) => {
  const r = parseParam('customTau', spec, raw);
  if (r.ok) throw new Error(`${raw} was accepted`);
  return paramErrorMessage(tr(lang), r.error);
};

describe('timesteps parameters', () => {
  it('parse a typed τ through core, sorted descending, a repeat kept once', () => {
    expect(parseParam('customTau', spec, '3、120，999 500 500')).toEqual({ ok: true, value: [999, 500, 120, 3] });
  });
  it('report each rejection with the parameter and the range of an entry, in English', () => {
    const en = (raw: string) => message('en', raw);
    expect(en('')).toBe('Custom τ (list of timesteps) needs at least one timestep, each a whole number from 0 to 999.');
    expect(en('999, abc')).toBe('Custom τ (list of timesteps): "abc" is not a number; each timestep must be a whole number from 0 to 999.');
    expect(en('NaN')).toContain('"NaN" is not a number');
    expect(en('999, 2.5')).toBe('Custom τ (list of timesteps): "2.5" is not a whole number; each timestep must be a whole number from 0 to 999.');
    expect(en('1000')).toBe('Custom τ (list of timesteps): 1000 is out of range; each timestep must be a whole number from 0 to 999.');
    expect(en('-1')).toContain('-1 is out of range');
    expect(en(Array(1001).fill('1').join(' '))).toBe('Custom τ (list of timesteps) lists 1001 timesteps; it takes at most 1000, each a whole number from 0 to 999.');
    expect(en('1'.repeat(9000))).toBe(
      'Custom τ (list of timesteps) is 9000 characters long, more than the 8000 it reads; list at most 1000 timesteps, each a whole number from 0 to 999.',
    );
  });
  it('report them in Chinese, the range written as the other Chinese messages write it', () => {
    const zh = (raw: string) => message('zh', raw);
    expect(zh('')).toBe('“自定义 τ（时间步列表）”至少要有一个时间步，每个时间步都必须是 0 到 999 之间的整数。');
    expect(zh('999，abc')).toBe('“自定义 τ（时间步列表）”中的“abc”不是数值；每个时间步都必须是 0 到 999 之间的整数。');
    expect(zh('2.5')).toBe('“自定义 τ（时间步列表）”中的“2.5”不是整数；每个时间步都必须是 0 到 999 之间的整数。');
    expect(zh('1000')).toBe('“自定义 τ（时间步列表）”中的 1000 超出了范围；每个时间步都必须是 0 到 999 之间的整数。');
    expect(zh(Array(1001).fill('1').join(' '))).toBe('“自定义 τ（时间步列表）”列了 1001 个时间步，最多只能有 1000 个，每个都必须是 0 到 999 之间的整数。');
    expect(zh('1'.repeat(9000))).toBe('“自定义 τ（时间步列表）”的输入有 9000 个字符，超过了上限 8000 个；最多列出 1000 个时间步，每个都必须是 0 到 999 之间的整数。');
    expect(joinSentences(zh('abc'), keptMessage(tr('zh'), spec, [999, 3]))).toBe(
      '“自定义 τ（时间步列表）”中的“abc”不是数值；每个时间步都必须是 0 到 999 之间的整数。已保留之前的值 999, 3。',
    );
  });
  it('round-trip through the URL; the default list is omitted', () => {
    const search = writeParams(labLemmaParams, { ...defaults(labLemmaParams), tau: 'custom', customTau: [999, 700, 12] }, new URLSearchParams(), 'lemma');
    expect(search.get('lemma.tau')).toBe('custom');
    expect(search.get('lemma.customTau')).toBe('999, 700, 12');
    const back = readParams(labLemmaParams, search, 'lemma');
    expect(back.errors).toEqual([]);
    expect(back.values.customTau).toEqual([999, 700, 12]);
    expect(writeParams(labLemmaParams, defaults(labLemmaParams), new URLSearchParams(), 'lemma').toString()).toBe('');
    const bad = readParams(labLemmaParams, new URLSearchParams('lemma.customTau=999,x'), 'lemma');
    expect(bad.values.customTau).toEqual(spec.default);
    expect(bad.errors).toMatchObject([{ param: 'customTau', code: 'notANumber', raw: 'x' }]);
  });
});

describe('shownWhen', () => {
  it('shows the typed τ only for "custom", and S only for a generated τ', () => {
    const v = defaults(labLemmaParams);
    expect(isShown(labLemmaParams.customTau, v)).toBe(false);
    expect(isShown(labLemmaParams.steps, v)).toBe(true);
    expect(isShown(labLemmaParams.customTau, { ...v, tau: 'custom' })).toBe(true);
    expect(isShown(labLemmaParams.steps, { ...v, tau: 'custom' })).toBe(false);
    expect(isShown(labLemmaParams.eta, { ...v, tau: 'custom' })).toBe(true);
  });
  it('must name choices of an enum parameter', () => {
    expect(() => defineParams({ a: { type: 'int', label: 'lab.param.steps', min: 0, max: 1, default: 0, shownWhen: { param: 'b', in: ['x'] } } })).toThrow(/shownWhen/);
    expect(() =>
      defineParams({
        k: { type: 'enum', label: 'lab.lemma.tau', choices: ['p', 'q'], default: 'p' },
        a: { type: 'int', label: 'lab.param.steps', min: 0, max: 1, default: 0, shownWhen: { param: 'k', in: ['r'] } },
      }),
    ).toThrow(/shownWhen/);
  });
  it('refuses a default that does not read back as written', () => {
    expect(() => defineParams({ a: { type: 'timesteps', label: 'lab.lemma.customTau', T: 10, default: [3, 7] } })).toThrow(/reads back/);
  });
});

describe('the Lemma 1 widget along a typed τ', () => {
  it('runs along the typed list for "custom" and along makeTau() otherwise', () => {
    const v = { ...defaults(labLemmaParams), customTau: [999, 12, 3] };
    expect(lemmaTau({ ...v, tau: 'custom' })).toEqual([999, 12, 3]);
    expect(lemmaTau({ ...v, tau: 'linspace', steps: 4 })).toEqual(makeTau('linspace', 4));
  });
  it('checks η against the typed τ', () => {
    // A long jump leaves little room above η = 1; short steps leave more.
    const max = maxEtaAlong([999, 3]);
    expect(max).toMatchObject({ timestep: 999, prevTimestep: 3 });
    expect(max.eta).toBeLessThan(2);
    const v = { ...defaults(labLemmaParams), tau: 'custom' as const, customTau: [999, 3], eta: 2 };
    expect(lemmaCheck(v)).toMatchObject({ param: 'eta', message: 'lab.lemma.etaTooLarge', vars: { t: 999, prev: 3 } });
    expect(lemmaCheck({ ...v, eta: 1 })).toBeNull();
    expect(lemmaCheck({ ...v, customTau: [999, 998] })).toBeNull();
  });
});
