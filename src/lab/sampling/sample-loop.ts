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
  cancelled: boolean;
  seconds: number;
}

export async function sampleLoop(o: SampleLoopOptions): Promise<SampleLoopResult> {
  const { plan, denoiser, track = [], recordX0At = [], yieldEvery = 5 } = o;
  const n = o.xT.length / 2;
  const start = performance.now();
  let x = tensorFrom(o.xT, [n, 2]);
  const trackIdx = track.length > 0 ? tf.tensor1d(Int32Array.from(track), 'int32') : null;
  const paths: number[][] = track.map((k) => [o.xT[2 * k], o.xT[2 * k + 1]]);
  const x0At = new Map<number, Float32Array>();
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
      if (record.has(i)) x0At.set(i, Float32Array.from(await out.x0.data()));
      out.x0.dispose();
      if (trackIdx) {
        const picked = tf.gather(x, trackIdx);
        const values = await picked.data();
        picked.dispose();
        track.forEach((_, k) => paths[k].push(values[2 * k], values[2 * k + 1]));
      }
      o.onStep?.(i);
      if (o.yieldFn && (i + 1) % yieldEvery === 0) await o.yieldFn();
    }
    const samples = Float32Array.from(await x.data());
    return { samples, paths: paths.map((p) => Float32Array.from(p)), x0At, cancelled, seconds: (performance.now() - start) / 1000 };
  } finally {
    x.dispose();
    trackIdx?.dispose();
  }
}
