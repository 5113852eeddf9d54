import { describe, expect, it } from 'vitest';
import { assertClose, maxRelError } from './assert-close.ts';

describe('assertClose()', () => {
  it('passes within the relative tolerance and fails outside it', () => {
    expect(() => assertClose(1 + 1e-13, 1, { rel: 1e-12 })).not.toThrow();
    expect(() => assertClose(1 + 1e-11, 1, { rel: 1e-12 })).toThrow(/rel/);
  });
  it('recurses into typed arrays and objects, reporting the path', () => {
    expect(() => assertClose({ a: new Float64Array([1, 2]) }, { a: [1, 2.5] }, { abs: 0.1 })).toThrow(/\.a\[1\]/);
  });
  it('treats NaN as equal only to NaN and rejects a length mismatch', () => {
    expect(() => assertClose(NaN, NaN, {})).not.toThrow();
    expect(() => assertClose(0, NaN, { abs: 1 })).toThrow();
    expect(() => assertClose(NaN, 0, { abs: 1 })).toThrow();
    expect(() => assertClose([1], [1, 2], {})).toThrow(/length/);
  });
  it('maxRelError() reports the worst element', () => {
    expect(maxRelError([1, 2.2], [1, 2])).toBeCloseTo(0.1, 12);
  });
});
