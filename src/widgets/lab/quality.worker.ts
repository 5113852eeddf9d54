/// <reference lib="webworker" />
/**
 * The sampler's distribution metrics off the main thread: sliced W₂, MMD (on a thinned subset,
 * see QualityOptions.mmdPoints) and the log-likelihood of the samples, and the same for a fresh
 * data sample of that size. Pure core code; no DOM, no tfjs.
 */
import { qualityFloor, sampleQuality, type QualityOptions } from '../../core/metrics/sample-quality.ts';
import type { Mixture2D } from '../../core/data/mixture.ts';

declare const self: DedicatedWorkerGlobalScope;

export interface QualityRequest {
  id: number;
  mixture: Mixture2D;
  samples: Float32Array | Float64Array;
  n: number;
  options: QualityOptions;
}

self.onmessage = (event: MessageEvent<QualityRequest>) => {
  const { id, mixture, samples, n, options } = event.data;
  try {
    self.postMessage({ id, quality: sampleQuality(mixture, samples, options), floor: qualityFloor(mixture, n, options) });
  } catch (error) {
    self.postMessage({ id, error: String((error as Error)?.message ?? error) });
  }
};
