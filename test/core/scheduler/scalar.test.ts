import { describe, expect, it } from 'vitest';
import { F32, F64, fma32, nextDown, nextFloat32 } from '../../../src/core/scheduler/scalar.ts';

describe('F32 and F64', () => {
  it('F32 rounds every operation to float32, F64 does not', () => {
    expect(F32.add(1, 1e-9)).toBe(1);
    expect(F64.add(1, 1e-9)).toBe(1 + 1e-9);
    expect(F32.div(1, 3)).toBe(Math.fround(1 / 3));
    expect(F32.sqrt(2)).toBe(Math.fround(Math.SQRT2));
  });
});

describe('fma32', () => {
  it('rounds a·b + c once: differs from two roundings where they disagree', () => {
    const a = Math.fround(1 + 2 ** -12);
    // a² = 1 + 2⁻¹¹ + 2⁻²⁴; minus 1: exact result 2⁻¹¹ + 2⁻²⁴, two roundings lose the 2⁻²⁴.
    expect(fma32(a, a, -1)).toBe(2 ** -11 + 2 ** -24);
    expect(Math.fround(Math.fround(a * a) - 1)).toBe(2 ** -11);
  });
  it('breaks a double-rounding tie the way the exact value says', () => {
    // 1 + 2⁻²⁴ is halfway between two float32s; adding 2⁻⁶⁰ must round up, subtracting must round down.
    expect(fma32(1, 1, 2 ** -24 + 2 ** -60)).toBe(1 + 2 ** -23);
    expect(fma32(1, 1, 2 ** -24 - 2 ** -60)).toBe(1);
  });
});

describe('nextDown / nextFloat32', () => {
  it('steps one ulp', () => {
    expect(nextDown(F32, 1)).toBe(1 - 2 ** -24);
    expect(nextDown(F64, 1)).toBe(1 - 2 ** -53);
    expect(nextFloat32(0, 1)).toBe(2 ** -149);
    expect(nextFloat32(-1, 0)).toBe(-(1 - 2 ** -24));
  });
});
