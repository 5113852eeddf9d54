/**
 * tfjs under Node for the scripts: the full @tensorflow/tfjs bundle (registers gradients and the
 * cpu backend), plus the wasm backend, whose .wasm files are read from node_modules.
 */
import '@tensorflow/tfjs';
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

const require = createRequire(import.meta.url);
setWasmPaths(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')) + '/');

export { tf };

/** Switch backend and check that tfjs really runs on it (setBackend can fall back silently). */
export async function useBackend(name: 'cpu' | 'wasm'): Promise<void> {
  await tf.setBackend(name);
  await tf.ready();
  if (tf.getBackend() !== name) throw new Error(`tfjs backend ${name} did not start (running on ${tf.getBackend()})`);
}

/** A yield that lets Node's event loop breathe without a frame clock. */
export const nodeYield = () => new Promise<void>((r) => setImmediate(r));
