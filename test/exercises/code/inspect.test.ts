import { describe, expect, it } from 'vitest';
import { inspectCode } from '../../../src/exercises/code/inspect.ts';
import { callText, compareReturned, describeValue, returnedText } from '../../../src/exercises/code/compare.ts';

describe('inspectCode', () => {
  it('inspectCode() accepts declarations, arrow functions and exports of the asked name', () => {
    expect(inspectCode('function sigma(a) { return a; }', 'sigma')).toEqual({ ok: true });
    expect(inspectCode('const sigma = (a) => a;', 'sigma')).toEqual({ ok: true });
    expect(inspectCode('export function sigma(a) { return a; }', 'sigma')).toEqual({ ok: true });
  });

  it('inspectCode() reports a syntax error with line and column', () => {
    expect(inspectCode('function sigma(a) {\n  return a +;\n}', 'sigma')).toMatchObject({ ok: false, kind: 'syntax', line: 2, column: 13 });
  });

  it('inspectCode() reports a missing function and refuses imports (static, dynamic, import.meta)', () => {
    expect(inspectCode('function sgima(a) { return a; }', 'sigma')).toEqual({ ok: false, kind: 'missing' });
    expect(inspectCode("import x from 'https://example.com/x.js';\nfunction sigma() {}", 'sigma')).toMatchObject({ ok: false, kind: 'forbidden', what: 'import', line: 1 });
    expect(inspectCode("function sigma() { return import('https://example.com'); }", 'sigma')).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(inspectCode('function sigma() { return import.meta.url; }', 'sigma')).toMatchObject({ ok: false, kind: 'forbidden', what: 'import.meta' });
    expect(inspectCode('function sigma() { return new.target; }', 'sigma')).toEqual({ ok: true });
  });
});

describe('compareReturned', () => {
  it('compareReturned() accepts values within tolerance and names wrong types', () => {
    expect(compareReturned(describeValue(1 + 1e-12), 1, { rel: 1e-9 })).toEqual({ ok: true });
    expect(compareReturned(describeValue(1.1), 1, { rel: 1e-9 })).toEqual({ ok: false, reason: 'mismatch' });
    expect(compareReturned(describeValue('1'), 1, { rel: 1e-9 })).toEqual({ ok: false, reason: 'badReturn' });
    expect(compareReturned(describeValue(NaN), 1, { rel: 1e-9 })).toEqual({ ok: false, reason: 'badReturn' });
    expect(compareReturned(describeValue(new Float64Array([1, 2])), [1, 2], { rel: 1e-9 })).toEqual({ ok: true });
    expect(compareReturned(describeValue([1]), [1, 2], { rel: 1e-9 })).toEqual({ ok: false, reason: 'mismatch' });
    expect(compareReturned(describeValue(undefined), [1], { rel: 1e-9 })).toEqual({ ok: false, reason: 'badReturn' });
  });

  it('describes values for messages without throwing', () => {
    expect(returnedText(describeValue(undefined))).toBe('undefined');
    expect(returnedText(describeValue({ a: 1 }))).toBe('an object');
    expect(returnedText(describeValue('x'.repeat(100)))).toMatch(/…"$/);
    expect(callText('f', [0.123456789, [1, 2, 3, 4, 5]])).toBe('f(0.123457, [1, 2, 3, 4, …])');
  });
});
