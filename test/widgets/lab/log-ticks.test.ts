import { describe, expect, it } from 'vitest';
import { logTicks } from '../../../src/widgets/lab/plots.ts';

describe('logTicks()', () => {
  it('labels a span under one decade (no power of ten inside) with the 1-2-5 values or the ends', () => {
    expect(logTicks(0.12, 0.6)).toEqual([0.2, 0.5]);
    expect(logTicks(0.21, 0.45)).toEqual([0.21, 0.45]);
  });
  it('keeps 1-2-5 ticks over several decades, or only powers of ten past `max`', () => {
    expect(logTicks(1, 1000)).toEqual([1, 10, 100, 1000]);
    expect(logTicks(1, 1000, 12)).toEqual([1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]);
    expect(logTicks(1e-3, 1e3).length).toBeLessThanOrEqual(6);
  });
  it('returns nothing for a range a log axis cannot show', () => {
    expect(logTicks(0, 1)).toEqual([]);
    expect(logTicks(2, 1)).toEqual([]);
  });
});
