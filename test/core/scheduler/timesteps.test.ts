/**
 * The timestep recipes: numpy's rounding and float arange reproduced for every N ≤ T, and the
 * quirks they cause (round half to even; trailing's extra −1; DDIM's prev ≠ next schedule entry).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { arangeFloat, linspaceFloat, rint } from '../../../src/core/scheduler/numpy.ts';
import { ddimPrevTimestep, inferenceTimesteps, nextScheduleEntry, prevMismatches, type TimestepSpacing } from '../../../src/core/scheduler/timesteps.ts';

const fixture = JSON.parse(readFileSync(new URL('./fixtures/numpy-timesteps.json', import.meta.url), 'utf8'));

const fingerprint = (ts: number[]) => [ts.length, ts.reduce((a, b) => a + b, 0), ts.reduce((a, x, i) => a + (i + 1) * x, 0), ts[0], ts[ts.length - 1]];

describe('inferenceTimesteps against numpy, every N', () => {
  for (const [key, rows] of Object.entries(fixture.cases) as [string, number[][]][]) {
    const [spacing, T] = key.split('/');
    it(`${spacing}, T = ${T}: all ${rows.length} values of N give numpy's fingerprint`, () => {
      const bad: number[] = [];
      rows.forEach((want, i) => {
        const got = fingerprint(inferenceTimesteps(i + 1, { numTrainTimesteps: Number(T), timestepSpacing: spacing as TimestepSpacing, stepsOffset: 0 }));
        if (got.some((g, k) => g !== want[k])) bad.push(i + 1);
      });
      expect(bad).toEqual([]);
    });
  }
});

describe('rint (numpy round)', () => {
  it('rounds halves to even, unlike Math.round', () => {
    expect([0.5, 1.5, 2.5, 166.5, 167.5, -0.5, -1.5, 832.5].map(rint)).toEqual([0, 2, 2, 166, 168, -0, -2, 832]);
    expect([166.5, 832.5].map(Math.round)).toEqual([167, 833]);
    expect([0.49999999999999994, 2.4, 2.6, -2.6].map(rint)).toEqual([0, 2, 3, -3]);
  });
});

describe('numpy arange and linspace', () => {
  it('arange(1000, 0, −1000/61) has 62 entries, the last within 1e-9 of 0', () => {
    const a = arangeFloat(1000, 0, -1000 / 61);
    expect(a.length).toBe(62);
    expect(Math.abs(a[61])).toBeLessThan(1e-9);
  });
  it('arange of a length that divides evenly has exactly that length', () => {
    expect(arangeFloat(1000, 0, -100).length).toBe(10);
  });
  it('linspace(0, 999, 7) is i·166.5', () => {
    expect(Array.from(linspaceFloat(0, 999, 7))).toEqual([0, 166.5, 333, 499.5, 666, 832.5, 999]);
  });
});

describe('quirks of the recipes', () => {
  const T = 1000;
  const ts = (spacing: TimestepSpacing, N: number, stepsOffset = 0) => inferenceTimesteps(N, { numTrainTimesteps: T, timestepSpacing: spacing, stepsOffset });

  it('linspace with N = 7 rounds 166.5 → 166 and 832.5 → 832 (half to even)', () => {
    expect(ts('linspace', 7)).toEqual([999, 832, 666, 500, 333, 166, 0]);
  });
  it('trailing with N = 61 schedules 62 timesteps ending in −1', () => {
    const list = ts('trailing', 61);
    expect(list).toHaveLength(62);
    expect(list.slice(-3)).toEqual([32, 15, -1]);
  });
  it('trailing emits −1 for 62 values of N ≤ 1000, the first being 61, 103, 121, 122', () => {
    const withMinusOne = Array.from({ length: T }, (_, i) => i + 1).filter((N) => ts('trailing', N).includes(-1));
    expect(withMinusOne.length).toBe(62);
    expect(withMinusOne.slice(0, 4)).toEqual([61, 103, 121, 122]);
  });
  it('leading is exact integer arithmetic and honours stepsOffset', () => {
    expect(ts('leading', 5, 1)).toEqual([801, 601, 401, 201, 1]);
    expect(ts('leading', 3)).toEqual([666, 333, 0]);
  });
  it("DDIM's prev = t − T // N differs from the next entry for linspace and trailing", () => {
    const lin = ts('linspace', 10);
    expect(lin.map((t) => ddimPrevTimestep(t, T, 10))).toEqual([899, 788, 677, 566, 455, 344, 233, 122, 11, -100]);
    expect(lin.map((t) => nextScheduleEntry(lin, t))).toEqual([888, 777, 666, 555, 444, 333, 222, 111, 0, -1]);
    expect(prevMismatches(lin, T, 10)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(prevMismatches(ts('leading', 10), T, 10)).toEqual([]);
    expect(prevMismatches(ts('trailing', 3), T, 3)).toEqual([1]);
  });
});
