/**
 * The sampler's distribution metrics, computed in a Worker (quality.worker.ts) so that a large N
 * never blocks the page; the MMD, quadratic in N, uses at most MMD_POINTS points of each set.
 */
import type { Mixture2D } from '../../core/data/mixture.ts';
import type { QualityOptions, SampleQuality } from '../../core/metrics/sample-quality.ts';

/** Most points of each set the widget's MMD uses. */
export const MMD_POINTS = 2000;
export const QUALITY_OPTIONS: QualityOptions = { mmdPoints: MMD_POINTS };

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, { resolve: (r: { quality: SampleQuality; floor: SampleQuality }) => void; reject: (e: Error) => void }>();

function metricsWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./quality.worker.ts', import.meta.url), { type: 'module', name: 'lab-quality' });
  worker.onmessage = (event: MessageEvent<{ id: number; quality?: SampleQuality; floor?: SampleQuality; error?: string }>) => {
    const job = waiting.get(event.data.id);
    if (!job) return;
    waiting.delete(event.data.id);
    if (event.data.error !== undefined) job.reject(new Error(event.data.error));
    else job.resolve({ quality: event.data.quality!, floor: event.data.floor! });
  };
  worker.onerror = (event) => {
    event.preventDefault();
    for (const job of waiting.values()) job.reject(new Error(event.message || 'the metrics worker failed'));
    waiting.clear();
    worker?.terminate();
    worker = null;
  };
  return worker;
}

/** Metrics of `samples` against `mixture` and the floor for `n` fresh data points. */
export function qualityInWorker(
  mixture: Mixture2D,
  samples: Float32Array | Float64Array,
  n: number,
  options: QualityOptions = QUALITY_OPTIONS,
): Promise<{ quality: SampleQuality; floor: SampleQuality }> {
  return new Promise((resolve, reject) => {
    const id = ++nextId;
    waiting.set(id, { resolve, reject });
    metricsWorker().postMessage({ id, mixture, samples, n, options });
  });
}
