import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TAU_CHOICES, TAU_KINDS, formatTau, makeTau, parseTauList, tauTextLimit, type TauListResult } from '../../../src/core/sampling/tau.ts';

const error = (r: TauListResult) => (r.ok ? null : r.error);

describe('parseTauList()', () => {
  it('reads a list in any order, with any of the separators, and returns it descending', () => {
    expect(parseTauList('999, 700, 500, 120, 3')).toEqual({ ok: true, tau: [999, 700, 500, 120, 3] });
    expect(parseTauList('3 120 999   700\t500\n')).toEqual({ ok: true, tau: [999, 700, 500, 120, 3] });
    expect(parseTauList('3，120、999；700;500')).toEqual({ ok: true, tau: [999, 700, 500, 120, 3] });
    expect(parseTauList('  ,999,,0,  ')).toEqual({ ok: true, tau: [999, 0] });
    expect(parseTauList('999\u3000500')).toEqual({ ok: true, tau: [999, 500] });
  });
  it('reads one timestep, the ends of the range and every timestep at once', () => {
    expect(parseTauList('0')).toEqual({ ok: true, tau: [0] });
    expect(parseTauList('999')).toEqual({ ok: true, tau: [999] });
    expect(parseTauList('4', 5)).toEqual({ ok: true, tau: [4] });
    const all = Array.from({ length: 1000 }, (_, i) => i);
    expect(parseTauList(all.join(' '))).toEqual({ ok: true, tau: all.reverse() });
  });
  it('reads whole numbers written as decimals, with a sign, or in full-width digits', () => {
    expect(parseTauList('5.0, +7, 1e2, -0, 007')).toEqual({ ok: true, tau: [100, 7, 5, 0] });
    expect(parseTauList('９９９，５００')).toEqual({ ok: true, tau: [999, 500] });
  });
  it('keeps a timestep listed twice once', () => {
    expect(parseTauList('500, 999, 500, 5e2, 999')).toEqual({ ok: true, tau: [999, 500] });
  });
  it('refuses an empty list', () => {
    for (const text of ['', '   ', ', ，、 ;']) expect(error(parseTauList(text))).toEqual({ code: 'empty' });
  });
  it('refuses text, NaN, Infinity, hexadecimal and expressions, naming the first bad entry', () => {
    expect(error(parseTauList('999, abc, 5'))).toEqual({ code: 'notANumber', entry: 'abc' });
    expect(error(parseTauList('NaN'))).toEqual({ code: 'notANumber', entry: 'NaN' });
    expect(error(parseTauList('Infinity'))).toEqual({ code: 'notANumber', entry: 'Infinity' });
    expect(error(parseTauList('0x10'))).toEqual({ code: 'notANumber', entry: '0x10' });
    expect(error(parseTauList('999, 2*3'))).toEqual({ code: 'notANumber', entry: '2*3' });
    expect(error(parseTauList('1000-1'))).toEqual({ code: 'notANumber', entry: '1000-1' });
    expect(error(parseTauList('alert(1)'))).toEqual({ code: 'notANumber', entry: 'alert(1)' });
  });
  it('refuses entries that are not whole numbers', () => {
    expect(error(parseTauList('999, 2.5'))).toEqual({ code: 'notAnInteger', entry: '2.5' });
    expect(error(parseTauList('.5'))).toEqual({ code: 'notAnInteger', entry: '.5' });
    expect(error(parseTauList('-0.5'))).toEqual({ code: 'notAnInteger', entry: '-0.5' });
  });
  it('refuses timesteps outside [0, T − 1]', () => {
    expect(error(parseTauList('999, 1000'))).toEqual({ code: 'outOfRange', entry: '1000' });
    expect(error(parseTauList('-1'))).toEqual({ code: 'outOfRange', entry: '-1' });
    expect(error(parseTauList('5', 5))).toEqual({ code: 'outOfRange', entry: '5' });
    expect(error(parseTauList('1e400'))).toEqual({ code: 'outOfRange', entry: '1e400' });
  });
  it('refuses more than T entries, even with repeats', () => {
    expect(error(parseTauList('0 1 2 3 4 0', 5))).toEqual({ code: 'tooMany', count: 6, limit: 5 });
    expect(error(parseTauList(Array(1001).fill('7').join(',')))).toEqual({ code: 'tooMany', count: 1001, limit: 1000 });
  });
  it('refuses overly long text before reading it', () => {
    expect(tauTextLimit(1000)).toBe(8000);
    expect(error(parseTauList(' '.repeat(7999) + '5'))).toBeNull();
    expect(error(parseTauList('5'.repeat(8001)))).toEqual({ code: 'tooLong', length: 8001, limit: 8000 });
    expect(error(parseTauList('1,'.repeat(1e6)))).toEqual({ code: 'tooLong', length: 2e6, limit: 8000 });
  });
  it('needs a whole T of at least 1', () => {
    expect(() => parseTauList('0', 0)).toThrow(RangeError);
    expect(() => parseTauList('0', 2.5)).toThrow(RangeError);
  });

  it('reads back makeTau() of every kind, any S, T and seed, written by formatTau()', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TAU_KINDS),
        fc.integer({ min: 1, max: 1000 }),
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (kind, T, u, seed) => {
          const S = 1 + Math.floor(u * T);
          const tau = makeTau(kind, S, { T, seed });
          expect(parseTauList(formatTau(tau), T)).toEqual({ ok: true, tau });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads any set of timesteps the same whatever its order, separators and repeats', () => {
    const separator = fc.constantFrom(', ', ',', ' ', '，', '、', '; ', '；', '\t', ' 、 ');
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }).chain((T) =>
          fc.tuple(fc.constant(T), fc.array(fc.integer({ min: 0, max: T - 1 }), { minLength: 1, maxLength: Math.min(T, 60) }), fc.array(separator, { minLength: 60, maxLength: 60 })),
        ),
        ([T, entries, seps]) => {
          const text = entries.map((e, i) => (i === 0 ? String(e) : seps[i] + String(e))).join('');
          const expected = [...new Set(entries)].sort((a, b) => b - a);
          expect(parseTauList(text, T)).toEqual({ ok: true, tau: expected });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('TAU_CHOICES', () => {
  it('are the generated kinds and "custom"', () => {
    expect(TAU_CHOICES).toEqual([...TAU_KINDS, 'custom']);
  });
});
