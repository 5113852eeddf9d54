/**
 * Where a lab widget's data comes from: a built-in dataset (an exact Gaussian mixture) or the
 * reader's own points. For the reader's points the "known distribution" is a mixture with one small
 * Gaussian (std KDE_STD) per point, so the exact denoiser and the log-likelihood still apply.
 */
import { DATASETS, datasetMixture, sampleDataset, type DatasetName } from '../../core/data/datasets.ts';
import { empiricalMixture, mixtureFromCentres, type Mixture2D } from '../../core/data/mixture.ts';
import { mulberry32 } from '../../core/rng.ts';
import { customPoints } from './store.ts';

export const LAB_DATASETS = [...DATASETS, 'custom'] as const;
export type LabDataset = (typeof LAB_DATASETS)[number];

/** Std of the Gaussian placed on each of the reader's points. */
export const KDE_STD = 0.03;

/** Size of the finite training set of a built-in dataset (what the memorising denoiser memorises). */
export const EMPIRICAL_SIZE = 256;

export interface DataSource {
  /** The known data density. */
  mixture: Mixture2D;
  /** A finite training set (for the memorising denoiser and for training on custom points). */
  points: Float64Array;
  /** The empirical distribution of `points`. */
  empirical: Mixture2D;
}

/** Resolve a dataset name; null when "custom" is asked for and the reader has no points yet. */
export function dataSource(name: LabDataset, { seed = 1, size = EMPIRICAL_SIZE } = {}): DataSource | null {
  if (name === 'custom') {
    const points = customPoints();
    if (!points) return null;
    const centres: [number, number][] = [];
    for (let i = 0; i < points.length; i += 2) centres.push([points[i], points[i + 1]]);
    return { mixture: mixtureFromCentres(centres, KDE_STD), points, empirical: empiricalMixture(points) };
  }
  const points = sampleDataset(name as DatasetName, mulberry32(seed ^ 0x5bd1e995), size);
  return { mixture: datasetMixture(name as DatasetName), points, empirical: empiricalMixture(points) };
}

export const DATASET_LABEL_KEYS = {
  ring: 'lab.data.ring',
  moons: 'lab.data.moons',
  swissroll: 'lab.data.swissroll',
  checkerboard: 'lab.data.checkerboard',
  circles: 'lab.data.circles',
  glyph: 'lab.data.glyph',
  custom: 'lab.data.custom',
} as const;
