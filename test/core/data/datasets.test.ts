import { describe, expect, it } from 'vitest';
import { DATASETS, datasetMixture, parseDatasetName, sampleDataset } from '../../../src/core/data/datasets.ts';
import { mulberry32 } from '../../../src/core/rng.ts';

describe('built-in datasets', () => {
  it('offers at least six distributions', () => {
    expect(DATASETS.length).toBeGreaterThanOrEqual(6);
  });

  it.each(DATASETS)('%s keeps every component centre ± 3 std inside [−1, 1]²', (name) => {
    const mix = datasetMixture(name);
    for (let k = 0; k < mix.weights.length; k++) {
      const reach = 3 * Math.sqrt(mix.variances[k]);
      expect(Math.abs(mix.means[2 * k]) + reach).toBeLessThanOrEqual(1);
      expect(Math.abs(mix.means[2 * k + 1]) + reach).toBeLessThanOrEqual(1);
    }
    const total = mix.weights.reduce((s, w) => s + w, 0);
    expect(Math.abs(total - 1)).toBeLessThan(1e-12);
  });

  it.each(DATASETS)('sampleDataset(%s) is reproducible from its seed and differs across seeds', (name) => {
    const a = sampleDataset(name, mulberry32(7), 500);
    const b = sampleDataset(name, mulberry32(7), 500);
    const c = sampleDataset(name, mulberry32(8), 500);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    const inside = a.filter((v) => Math.abs(v) <= 1).length / a.length;
    expect(inside).toBeGreaterThan(0.995);
  });

  it('parseDatasetName rejects unknown names and lists the valid ones', () => {
    expect(parseDatasetName('moons')).toBe('moons');
    expect(() => parseDatasetName('mnist')).toThrow(/Unknown dataset "mnist": expected one of ring, moons/);
  });
});
