import { describe, expect, it } from 'vitest';
import { checkNumber, readPlainNumber } from '../../src/exercises/numeric.ts';
import type { NumberPart } from '../../src/exercises/types.ts';

const part: NumberPart<{ s: number }> = {
  kind: 'number',
  id: 'x',
  answer: (p) => p.s,
  tol: { rel: 1e-3 },
  mistakes: [{ id: 'squared', value: (p) => p.s ** 2 + 1 }],
};

describe('numeric answers', () => {
  it('readPlainNumber() reads decimals, scientific notation, Unicode minus and "× 10^k"', () => {
    expect(readPlainNumber(' 0.25 ')).toEqual({ ok: true, value: 0.25 });
    expect(readPlainNumber('−1.5e-3')).toEqual({ ok: true, value: -0.0015 });
    expect(readPlainNumber('1.2 × 10^-3')).toEqual({ ok: true, value: 0.0012 });
    expect(readPlainNumber('.5')).toEqual({ ok: true, value: 0.5 });
    expect(readPlainNumber('')).toEqual({ ok: false, error: { code: 'empty' } });
    expect(readPlainNumber('sqrt(2)')).toEqual({ ok: false, needsParser: true });
    expect(readPlainNumber('0x10')).toEqual({ ok: false, needsParser: true });
  });

  it('checkNumber() accepts within tolerance and names known mistakes and generic slips', () => {
    const p = { s: 0.3 };
    expect(checkNumber(0.3002, part, p).ok).toBe(true);
    expect(checkNumber(0.31, part, p).ok).toBe(false);
    expect(checkNumber(1.09, part, p).mistake).toBe('squared');
    expect(checkNumber(0.09, part, p).slip).toBe('square');
    expect(checkNumber(Math.sqrt(0.3), part, p).slip).toBe('root');
    expect(checkNumber(-0.3, part, p).slip).toBe('sign');
    expect(checkNumber(3, part, p).slip).toBe('powerOfTen');
    expect(checkNumber(0.302, part, p).slip).toBe('rounding');
    expect(checkNumber(7, part, p).slip).toBeUndefined();
  });
});
