/**
 * The bench widget's worker: runs src/lab/bench's workloads off the main thread, so a run of
 * minutes (cpu backend, N = 10,000) never blocks the page. Each run sets the backend the reader
 * chose in the page; the worker has its own tfjs (webgl through OffscreenCanvas, wasm, cpu).
 * Cancelling terminates the worker.
 */
import { tf, trySetBackend } from '../runtime/tf-browser.ts';
import { benchAll } from '../../lab/bench/workloads.ts';
import { trainToThreshold } from '../../lab/bench/train-to-threshold.ts';
import type { BenchReply, BenchRequest } from './protocol.ts';

const post = (reply: BenchReply) => (self as unknown as Worker).postMessage(reply);

self.onmessage = async (event: MessageEvent<BenchRequest>) => {
  const request = event.data;
  try {
    if (!(await trySetBackend(request.backend))) throw new Error(`the ${request.backend} backend could not start in a worker on this device`);
    if (request.kind === 'run') {
      const row = await benchAll({ n: request.n, steps: request.steps }, (phase) => post({ kind: 'progress', phase, backend: tf.getBackend() }));
      post({ kind: 'row', row });
    } else {
      const result = await trainToThreshold({ onRound: (steps, slicedW2) => post({ kind: 'thresholdProgress', steps, slicedW2 }) });
      post({ kind: 'threshold', result, backend: tf.getBackend() });
    }
  } catch (error) {
    post({ kind: 'failed', message: (error as Error).message });
  }
};
