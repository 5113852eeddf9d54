import { describe, expect, it } from 'vitest';
import { residual, violation } from '../../../src/core/claims/residual.ts';

describe('residual()', () => {
  it('is the max-norm difference relative to the larger side', () => {
    expect(residual(1, 1)).toBe(0);
    expect(residual(2, 1)).toBe(0.5);
    expect(residual(Float64Array.from([1, 0]), Float64Array.from([1, 1e-3]))).toBe(1e-3);
  });
  it('does not blow up on a coordinate near zero when the vector is not small', () => {
    expect(residual(Float64Array.from([10, 1e-20]), Float64Array.from([10, 2e-20]))).toBeLessThan(1e-20);
  });
  it('uses the floor only to guard small sides; two exact zeros give 0; non-finite gives Infinity', () => {
    expect(residual(0, 0)).toBe(0);
    expect(residual(1e-17, 0, 1)).toBe(1e-17);
    expect(residual(NaN, 0)).toBe(Infinity);
    expect(() => residual(Float64Array.from([1]), Float64Array.from([1, 2]))).toThrow(/different lengths/);
  });
});

describe('violation()', () => {
  it('is zero when a ≤ b and the relative excess otherwise', () => {
    expect(violation(1, 2)).toBe(0);
    expect(violation(2, 1)).toBe(0.5);
  });
});
