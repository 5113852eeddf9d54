import { describe, expect, it } from 'vitest';
import { mnistSubset, modelToPixels, pixelsToModel } from '../../../src/core/data/mnist.ts';
import { loadMnist } from '../../mnist-fixture.ts';

const allBytes = Uint8Array.from({ length: 256 }, (_, p) => p);

describe('pixelsToModel', () => {
  it('maps p to p / 127.5 − 1: 0 → −1, 255 → 1, into [−1, 1]', () => {
    const x = pixelsToModel(allBytes);
    expect(x[0]).toBe(-1);
    expect(x[255]).toBe(1);
    x.forEach((v, p) => expect(v).toBe(p / 127.5 - 1));
    expect(() => pixelsToModel([1, 2] as unknown as Uint8Array)).toThrow(/Uint8Array/);
  });
});

describe('modelToPixels', () => {
  it('gives every byte back exactly after pixelsToModel, in float64 and after float32 rounding', () => {
    expect(Array.from(modelToPixels(pixelsToModel(allBytes)))).toEqual(Array.from(allBytes));
    expect(Array.from(modelToPixels(Float32Array.from(pixelsToModel(allBytes))))).toEqual(Array.from(allBytes));
  });

  it('clamps outside [−1, 1] and rounds half to even like numpy_to_pil', () => {
    expect(Array.from(modelToPixels([-1.4, 3, -1, 1]))).toEqual([0, 255, 0, 255]);
    // x = 0 → 0.5 · 255 = 127.5 → 128 (even); 0.5/255 → 0.5 → 0.
    expect(Array.from(modelToPixels([0, 2 * (0.5 / 255) - 1]))).toEqual([128, 0]);
    expect(() => modelToPixels([0, NaN])).toThrow(/value 1 is NaN/);
  });
});

describe('mnistSubset', () => {
  it('scales a subset of the committed digits to [−1, 1] with its labels', () => {
    const set = loadMnist();
    const s = mnistSubset(set, { count: 1000 });
    expect([s.count, s.dim, s.images.length]).toEqual([1000, 784, 784_000]);
    expect(Array.from(s.labels.subarray(0, 10))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(s.images.reduce((a, b) => Math.min(a, b))).toBe(-1);
    expect(s.images.reduce((a, b) => Math.max(a, b))).toBe(1);
    const tail = mnistSubset(set, { start: 9990 });
    expect(tail.count).toBe(10);
    expect(Array.from(modelToPixels(tail.images))).toEqual(Array.from(set.pixels.subarray(9990 * 784)));
  });

  it('names the bad start or count', () => {
    const set = loadMnist();
    expect(() => mnistSubset(set, { start: 10000 })).toThrow(/start must be an integer in \[0, 9999\], got 10000/);
    expect(() => mnistSubset(set, { count: 0 })).toThrow(/count must be an integer in \[1, 10000\]/);
    expect(() => mnistSubset(set, { start: 9000, count: 1001 })).toThrow(/\[1, 1000\] from start 9000, got 1001/);
  });
});
