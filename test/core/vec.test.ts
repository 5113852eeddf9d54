import { describe, expect, it } from 'vitest';
import { combine, hadamard, maxAbs, scale } from '../../src/core/vec.ts';

describe('combine()', () => {
  it('forms Σ c_i v_i and rejects vectors of different lengths', () => {
    expect(Array.from(combine([2, [1, 2]], [-1, [3, 1]]))).toEqual([-1, 3]);
    expect(Array.from(scale(3, [1, -1]))).toEqual([3, -3]);
    expect(Array.from(hadamard([1, 2], [3, 4]))).toEqual([3, 8]);
    expect(() => combine([1, [1]], [1, [1, 2]])).toThrow(/lengths differ/);
    expect(maxAbs([1, -5, 2])).toBe(5);
  });
});
