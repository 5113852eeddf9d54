/**
 * Training the lab's MLP with Adam on the DDPM objective (Ho et al. 2020, Algorithm 1 / eq. 14):
 * draw x_0 from the data, t uniformly, ε ~ N(0, I), and regress the model output at
 * x_t = √ᾱ_t x_0 + √(1 − ᾱ_t) ε onto the target of the chosen prediction type.
 *
 * Batches are drawn on the CPU from seeded generators (so a run is reproducible and identical
 * across backends up to float32 rounding) and uploaded each step. Between steps the loop awaits
 * `yieldFn` (tf.nextFrame in a page) so the page stays responsive; it can be paused and cancelled.
 */
import * as tf from '@tensorflow/tfjs-core';
import { mulberry32, randn, type Rng } from '../../core/rng.ts';
import { predictionTarget, type PredictionType } from '../../core/nn/prediction.ts';
import { timeEmbedding } from '../../core/nn/time-embedding.ts';
import { tensorFrom } from '../tensors.ts';
import type { MlpModel } from './model.ts';

export interface TrainControl {
  paused: boolean;
  cancelled: boolean;
}

export interface TrainOptions {
  /** diffusers' 0-based `alphas_cumprod` of the training schedule (length T). */
  alphasCumprod: ArrayLike<number>;
  /** Draws `n` training points (row-major x, y). */
  sampleData: (rng: Rng, n: number) => Float64Array;
  /** Adam steps. Default 2000. */
  steps?: number;
  /** Examples per step. Default 512. */
  batchSize?: number;
  /** Adam step size. Default 2e-3, decayed by a cosine to a tenth over the run. */
  learningRate?: number;
  /** Seed of the data, timestep and noise draws. Default 0. */
  seed?: number;
  /** Default "epsilon". */
  predictionType?: PredictionType;
  /** Called every `reportEvery` steps (and at the end) with the mean loss since the last report. */
  onProgress?: (step: number, loss: number) => void;
  /** Default 10. */
  reportEvery?: number;
  /** Awaited between steps; default tf.nextFrame. */
  yieldFn?: () => Promise<void>;
  /** Steps between yields. Default 1. */
  yieldEvery?: number;
  control?: TrainControl;
  /** Length of the cosine decay, when a run is split into several calls. Default `steps`. */
  scheduleSteps?: number;
  /** Steps already done in earlier calls of the same run. Default 0. */
  stepOffset?: number;
}

export interface TrainResult {
  steps: number;
  finalLoss: number;
  seconds: number;
  cancelled: boolean;
}

/** One batch: inputs x_t, embeddings, targets (float64, row-major). */
export function drawBatch(rng: Rng, opts: Pick<TrainOptions, 'alphasCumprod' | 'sampleData' | 'predictionType'>, batch: number, embedDim: number) {
  const T = opts.alphasCumprod.length;
  const x0 = opts.sampleData(rng, batch);
  const eps = randn(rng, 2 * batch);
  const ts = new Float64Array(batch);
  const xt = new Float64Array(2 * batch);
  const target = new Float64Array(2 * batch);
  for (let i = 0; i < batch; i++) {
    const t = Math.floor(rng.next() * T);
    ts[i] = t;
    const a = opts.alphasCumprod[t];
    for (let d = 0; d < 2; d++) {
      const j = 2 * i + d;
      xt[j] = Math.sqrt(a) * x0[j] + Math.sqrt(1 - a) * eps[j];
      target[j] = predictionTarget(opts.predictionType ?? 'epsilon', x0[j], eps[j], a);
    }
  }
  return { xt, emb: timeEmbedding(ts, embedDim), target, ts };
}

/** Learning rate at step `i` of `n`: cosine from `lr` down to lr/10. */
export function learningRateAt(lr: number, i: number, n: number): number {
  return lr * (0.1 + 0.45 * (1 + Math.cos((Math.PI * i) / Math.max(1, n))));
}

export async function trainMlp(model: MlpModel, options: TrainOptions): Promise<TrainResult> {
  const { steps = 2000, batchSize = 512, learningRate = 2e-3, seed = 0, reportEvery = 10, yieldEvery = 1, stepOffset = 0 } = options;
  const scheduleSteps = options.scheduleSteps ?? steps;
  const yieldFn = options.yieldFn ?? (() => tf.nextFrame());
  const control = options.control ?? { paused: false, cancelled: false };
  const rng = mulberry32(seed);
  const optimizer = tf.train.adam(learningRate);
  const d = model.config.embedDim;
  const start = performance.now();
  let acc: tf.Tensor | null = null;
  let count = 0;
  let finalLoss = NaN;
  let done = 0;
  try {
    for (let i = 0; i < steps; i++) {
      while (control.paused && !control.cancelled) await yieldFn();
      if (control.cancelled) break;
      // The optimizer reads its step size each call; a cosine decay lowers the final loss noticeably.
      (optimizer as unknown as { learningRate: number }).learningRate = learningRateAt(learningRate, stepOffset + i, scheduleSteps);
      const batch = drawBatch(rng, options, batchSize, d);
      const loss = tf.tidy(() => {
        const xt = tensorFrom(batch.xt, [batchSize, 2]);
        const emb = tensorFrom(batch.emb, [batchSize, d]);
        const target = tensorFrom(batch.target, [batchSize, 2]);
        return optimizer.minimize(() => tf.mean(tf.square(tf.sub(model.apply(xt, emb), target))) as tf.Scalar, true, model.variables)!;
      });
      done = i + 1;
      // Sum the losses on the device and read them only when reporting (a read forces a sync).
      const summed: tf.Tensor = acc ? tf.add(acc, loss) : tf.clone(loss);
      tf.dispose([acc, loss].filter((x): x is tf.Tensor => x !== null));
      acc = summed;
      count++;
      if (done % reportEvery === 0 || done === steps) {
        finalLoss = (await acc.data())[0] / count;
        acc.dispose();
        acc = null;
        count = 0;
        options.onProgress?.(done, finalLoss);
      }
      if (done % yieldEvery === 0) await yieldFn();
    }
  } finally {
    if (acc) (acc as tf.Tensor).dispose();
    optimizer.dispose();
  }
  return { steps: done, finalLoss, seconds: (performance.now() - start) / 1000, cancelled: control.cancelled };
}
