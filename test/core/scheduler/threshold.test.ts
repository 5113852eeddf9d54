import { describe, expect, it } from 'vitest';
import { quantileSorted } from '../../../src/core/scheduler/typed-ops.ts';
import { thresholdValues } from '../../../src/core/scheduler/threshold.ts';
import { float32Ops, float64Ops } from '../../../src/core/scheduler/typed-ops.ts';
import { tensor } from '../../../src/core/scheduler/tensor.ts';

describe('quantileSorted (torch.quantile, linear)', () => {
  it('interpolates between order statistics', () => {
    // rank = 0.995·3 = 2.985: 3 + 0.985·(4 − 3)
    expect(quantileSorted([1, 2, 3, 4], 0.995)).toBeCloseTo(3.985, 14);
    expect(quantileSorted([1, 2, 3, 4], 0)).toBe(1);
    expect(quantileSorted([1, 2, 3, 4], 1)).toBe(4);
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([5], 0.7)).toBe(5);
    expect(quantileSorted([1, NaN], 0.5)).toBeNaN();
  });
});

describe('thresholdValues', () => {
  it('clamps the per-item quantile of |x̂_0| to [1, sampleMaxValue], the torch way when max < 1', () => {
    const x0 = tensor(Float64Array.from([0.2, -0.4, 3, -5, 0.1, 0.3]), [2, 3]);
    const q = (item: number[]) => quantileSorted(item.map(Math.abs).sort((a, b) => a - b), 0.9);
    const clampTorch = (v: number, max: number) => Math.min(Math.max(v, 1), max);
    expect(thresholdValues(float64Ops, x0, 0.9, 2)).toEqual([clampTorch(q([0.2, -0.4, 3]), 2), clampTorch(q([-5, 0.1, 0.3]), 2)]);
    expect(thresholdValues(float64Ops, tensor(Float64Array.from([0.2, -0.4, 0.3]), [1, 3]), 0.9, 2)).toEqual([1]);
    expect(thresholdValues(float64Ops, x0, 0.9, 10)).toEqual([Math.max(q([0.2, -0.4, 3]), 1), q([-5, 0.1, 0.3])]);
    expect(thresholdValues(float64Ops, x0, 0.9, 0.5)).toEqual([0.5, 0.5]);
    expect(thresholdValues(float32Ops, tensor(Float32Array.from(x0.data), [2, 3]), 0.9, 10).every((v) => Math.fround(v) === v)).toBe(true);
  });
});
