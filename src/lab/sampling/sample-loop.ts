/**
 * The lab's sampling loop on tensors: x_T → … → x_0 through a scheduler plan, with a denoiser.
 * Noise (x_T and every per-step z) is drawn on the CPU from seeded generators and uploaded, so the
 * same seed gives the same samples on every backend and in the float64 reference.
 *
 * Records what the plots need: the final samples, the path of a few tracked points, and x̂_0 of
 * every point at a few recorded steps. Async: awaits `yieldFn` every `yieldEvery` steps and stops
 * when `isCancelled()` turns true (the result then has `cancelled: true`).
 */
import * as tf from '@tensorflow/tfjs-core';
import { outputFromEpsilonTensor } from './prediction-tensors.ts';
import { tensorFrom } from '../tensors.ts';
import type { TensorDenoiser } from '../denoisers/types.ts';
import type { SamplingPlan } from './plan.ts';

export interface SampleLoopOptions {
  plan: SamplingPlan;
  denoiser: TensorDenoiser;
  /** x_T, row-major [N × 2]. */
  xT: ArrayLike<number>;
  /** z for step i (row-major [N × 2]); only called when the plan is stochastic. */
  noiseAt?: (i: number) => ArrayLike<number>;
  /** Indices of points whose path is recorded at every step. Default none. */
  track?: readonly number[];
  /** Step indices after which x̂_0 of every point is recorded. Default none. */
  recordX0At?: readonly number[];
  /** Record x̂_0 of the first `traceX0` points after every step (for a step-by-step view). Default 0. */
  traceX0?: number;
  yieldFn?: () => Promise<void>;
  /** Default 5. */
  yieldEvery?: number;
  isCancelled?: () => boolean;
  /** Called after each step with its index. */
  onStep?: (i: number) => void;
}

export interface SampleLoopResult {
  samples: Float32Array;
  /** paths[k] = [x_T, x after step 0, …] of tracked point k, row-major pairs. */
  paths: Float32Array[];
  /** x̂_0 of every point after each recorded step, keyed by step index. */
  x0At: Map<number, Float32Array>;
  /** x0Trace[i] = x̂_0 of the first `traceX0` points after step i (row-major pairs); empty if not asked. */
  x0Trace: Float32Array[];
  cancelled: boolean;
  seconds: number;
}

export async function sampleLoop(o: SampleLoopOptions): Promise<SampleLoopResult> {
  const { plan, denoiser, track = [], recordX0At = [], yieldEvery = 5 } = o;
  const n = o.xT.length / 2;
  const traced = Math.min(n, Math.max(0, Math.floor(o.traceX0 ?? 0)));
  const traceKept: tf.Tensor[] = [];
  const start = performance.now();
  let x = tensorFrom(o.xT, [n, 2]);
  const trackIdx = track.length > 0 ? tf.tensor1d(Int32Array.from(track), 'int32') : null;
  const picked: tf.Tensor[] = [];
  const x0Kept = new Map<number, tf.Tensor>();
  const record = new Set(recordX0At);
  let cancelled = false;
  try {
    for (let i = 0; i < plan.steps.length; i++) {
      if (o.isCancelled?.()) {
        cancelled = true;
        break;
      }
      const s = plan.steps[i];
      const noise = plan.stochastic ? tensorFrom(o.noiseAt!(i), [n, 2]) : null;
      const out = tf.tidy(() => {
        const eps = denoiser.epsilon(x, { timestep: s.timestep, alphaBar: s.alphaBar });
        const modelOutput = outputFromEpsilonTensor(plan.predictionType, x, eps, s.alphaBar);
        const r = plan.step(i, modelOutput, x, noise);
        return { prev: r.prevSample, x0: r.predOriginalSample };
      });
      noise?.dispose();
      x.dispose();
      x = out.prev;
      // Recorded values stay on the device and are read once at the end (a read forces a sync).
      if (traced > 0) traceKept.push(tf.slice(out.x0, [0, 0], [traced, 2]));
      if (record.has(i)) x0Kept.set(i, out.x0);
      else out.x0.dispose();
      if (trackIdx) picked.push(tf.gather(x, trackIdx));
      o.onStep?.(i);
      if (o.yieldFn && (i + 1) % yieldEvery === 0 && i + 1 < plan.steps.length) await o.yieldFn();
    }
    const [samples, pickedValues, x0Values, traceValues] = await Promise.all([
      x.data().then((d) => Float32Array.from(d)),
      Promise.all(picked.map((t) => t.data())),
      Promise.all([...x0Kept.values()].map((t) => t.data())),
      Promise.all(traceKept.map((t) => t.data().then((d) => Float32Array.from(d)))),
    ]);
    const paths = track.map((k, j) => {
      const out = new Float32Array(2 * (pickedValues.length + 1));
      out[0] = o.xT[2 * k];
      out[1] = o.xT[2 * k + 1];
      pickedValues.forEach((v, step) => {
        out[2 * step + 2] = v[2 * j];
        out[2 * step + 3] = v[2 * j + 1];
      });
      return out;
    });
    const x0At = new Map([...x0Kept.keys()].map((step, j) => [step, Float32Array.from(x0Values[j])]));
    return { samples, paths, x0At, x0Trace: traceValues, cancelled, seconds: (performance.now() - start) / 1000 };
  } finally {
    x.dispose();
    trackIdx?.dispose();
    tf.dispose(picked);
    tf.dispose([...x0Kept.values()]);
    tf.dispose(traceKept);
  }
}
