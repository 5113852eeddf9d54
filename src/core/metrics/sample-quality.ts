/**
 * The lab's distribution metrics for one set of samples against a known data distribution:
 * sliced W₂ and MMD against a fixed reference sample of the data, and the exact average
 * log-likelihood of the samples under the data mixture (only when it has no point masses).
 * Each comes with its "floor": the same metric for a fresh data sample of the same size, i.e.
 * what a perfect sampler would score at this N.
 */
import { mixtureLogDensity, sampleMixture, type Mixture2D } from '../data/mixture.ts';
import { mulberry32 } from '../rng.ts';
import { mmdSquared } from './mmd.ts';
import { slicedWasserstein2 } from './sliced-wasserstein.ts';

export interface SampleQuality {
  slicedW2: number;
  mmd2: number;
  /** Mean log p_data(x) over the samples, or null for a mixture with point masses. */
  logLikelihood: number | null;
}

export interface QualityOptions {
  /** Seed of the reference data sample and of the projection offset. Default 12345. */
  seed?: number;
  /** Size of the reference sample. Default: same as the samples, at most 4000. */
  referenceSize?: number;
  /** Kernel bandwidth of the MMD. Default 0.1. */
  bandwidth?: number;
  /** Directions of the sliced W₂. Default 64. */
  projections?: number;
  /**
   * Most points of each set the MMD uses (it is quadratic in N): larger sets are thinned to an
   * evenly spaced subset (the points are i.i.d., so any fixed subset is a fair sample). Default:
   * no limit. See `mmdPointsUsed`.
   */
  mmdPoints?: number;
}

/** Every k-th point of a row-major 2D set, k chosen so at most `max` remain. */
export function thinPoints(points: ArrayLike<number>, max: number): ArrayLike<number> {
  const n = points.length / 2;
  if (n <= max) return points;
  const out = new Float64Array(2 * max);
  for (let i = 0; i < max; i++) {
    const j = Math.floor((i * n) / max);
    out[2 * i] = points[2 * j];
    out[2 * i + 1] = points[2 * j + 1];
  }
  return out;
}

/** How many of `n` samples the MMD of `sampleQuality` uses with these options. */
export function mmdPointsUsed(n: number, { mmdPoints = Infinity }: QualityOptions = {}): number {
  return Math.min(n, mmdPoints);
}

/** Metrics of `samples` (row-major) against the mixture `data`. */
export function sampleQuality(data: Mixture2D, samples: ArrayLike<number>, { seed = 12345, referenceSize, bandwidth = 0.1, projections = 64, mmdPoints = Infinity }: QualityOptions = {}): SampleQuality {
  const n = samples.length / 2;
  const ref = sampleMixture(data, mulberry32(seed), referenceSize ?? Math.min(Math.max(n, 2), 4000));
  const slicedW2 = slicedWasserstein2(samples, ref, { projections, rng: mulberry32(seed + 1) });
  const mmd2 = mmdSquared(thinPoints(samples, mmdPoints), thinPoints(ref, mmdPoints), { bandwidth });
  const hasMasses = data.variances.some((v) => !(v > 0));
  let logLikelihood: number | null = null;
  if (!hasMasses) {
    const lp = mixtureLogDensity(data, samples);
    logLikelihood = lp.reduce((s, v) => s + v, 0) / lp.length;
  }
  return { slicedW2, mmd2, logLikelihood };
}

/** The same metrics for a fresh sample of the data itself (seeded): the best a sampler can score at size n. */
export function qualityFloor(data: Mixture2D, n: number, options: QualityOptions = {}): SampleQuality {
  const fresh = sampleMixture(data, mulberry32((options.seed ?? 12345) + 7919), n);
  return sampleQuality(data, fresh, options);
}
