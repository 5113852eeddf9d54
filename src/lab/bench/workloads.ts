/**
 * The benchmark's workloads, run identically in a page (the bench widget) and under Node
 * (scripts/bench.ts): N points × S DDIM steps with the exact mixture denoiser and with the MLP
 * (2 + 16 → 128 × 3 → 2), and Adam training steps at batch 512 — each on the current tfjs backend
 * and as the plain-TypeScript Float32Array baseline (src/core/baseline/).
 */
import * as tf from '@tensorflow/tfjs-core';
import { datasetMixture, sampleDataset } from '../../core/data/datasets.ts';
import { mixtureEpsilonF32 } from '../../core/baseline/mixture-eps-f32.ts';
import { ddimLoopF32 } from '../../core/baseline/ddim-loop-f32.ts';
import { adamState, mlpForwardF32, mlpInputs, mlpTrainStepF32 } from '../../core/baseline/mlp-f32.ts';
import { initMlpParams } from '../../core/nn/mlp-layout.ts';
import { matchTrainingTimestep } from '../../core/nn/model-time.ts';
import { timeEmbedding } from '../../core/nn/time-embedding.ts';
import { mulberry32, randn } from '../../core/rng.ts';
import { mixtureDenoiser } from '../denoisers/mixture.ts';
import { mlpDenoiser } from '../denoisers/mlp.ts';
import { createMlp } from '../mlp/model.ts';
import { drawBatch, trainMlp } from '../mlp/train.ts';
import { sampleLoop } from '../sampling/sample-loop.ts';
import { buildPlan } from '../sampling/scheduler-plan.ts';
import { labAlphasCumprod } from '../schedule.ts';

export interface BenchSizes {
  /** Points. Default 10,000. */
  n?: number;
  /** DDIM steps. Default 50. */
  steps?: number;
  /** Training batch. Default 512. */
  batch?: number;
  /** Training steps timed. Default 30. */
  trainSteps?: number;
}

const DATASET = 'moons';
const now = () => performance.now();

function xT(n: number): Float64Array {
  return randn(mulberry32(42), 2 * n);
}

/** Seconds for n × steps DDIM (η = 0) on tensors with the exact mixture denoiser. */
export async function tfSampleMixture({ n = 10000, steps = 50 }: BenchSizes = {}): Promise<number> {
  const den = mixtureDenoiser(datasetMixture(DATASET));
  const plan = buildPlan({ numInferenceSteps: steps });
  await sampleLoop({ plan: buildPlan({ numInferenceSteps: 2 }), denoiser: den, xT: xT(64) }); // warm-up (kernels, shaders)
  const t0 = now();
  await sampleLoop({ plan, denoiser: den, xT: xT(n) });
  const seconds = (now() - t0) / 1000;
  den.dispose();
  return seconds;
}

/** Seconds for n × steps DDIM on tensors with the MLP. */
export async function tfSampleMlp({ n = 10000, steps = 50 }: BenchSizes = {}): Promise<number> {
  const model = createMlp(initMlpParams(mulberry32(1)));
  const den = mlpDenoiser(model, { trainAlphasCumprod: labAlphasCumprod(), ownsModel: true });
  await sampleLoop({ plan: buildPlan({ numInferenceSteps: 2 }), denoiser: den, xT: xT(64) });
  const t0 = now();
  await sampleLoop({ plan: buildPlan({ numInferenceSteps: steps }), denoiser: den, xT: xT(n) });
  const seconds = (now() - t0) / 1000;
  den.dispose();
  return seconds;
}

/** Adam steps per second at this batch size on tensors. */
export async function tfTrainRate({ batch = 512, trainSteps = 30 }: BenchSizes = {}, yieldFn: () => Promise<void> = async () => undefined): Promise<number> {
  const model = createMlp(initMlpParams(mulberry32(1)));
  const opts = { alphasCumprod: labAlphasCumprod(), sampleData: (rng: ReturnType<typeof mulberry32>, k: number) => sampleDataset(DATASET, rng, k), batchSize: batch, yieldFn, reportEvery: 1000 };
  await trainMlp(model, { ...opts, steps: 3 });
  const r = await trainMlp(model, { ...opts, steps: trainSteps });
  model.dispose();
  return r.steps / r.seconds;
}

/** The same three in plain TypeScript loops over Float32Array. */
export function baselineSampleMixture({ n = 10000, steps = 50 }: BenchSizes = {}): number {
  const mix = datasetMixture(DATASET);
  const t0 = now();
  ddimLoopF32(Float32Array.from(xT(n)), steps, (x, a) => mixtureEpsilonF32(mix, x, a));
  return (now() - t0) / 1000;
}

export function baselineSampleMlp({ n = 10000, steps = 50 }: BenchSizes = {}): number {
  const params = initMlpParams(mulberry32(1));
  const train = labAlphasCumprod();
  const t0 = now();
  ddimLoopF32(Float32Array.from(xT(n)), steps, (x, a) => mlpForwardF32(params, mlpInputs(x, timeEmbedding([matchTrainingTimestep(a, train)], 16), n, 16, false), n));
  return (now() - t0) / 1000;
}

export function baselineTrainRate({ batch = 512, trainSteps = 30 }: BenchSizes = {}): number {
  const params = initMlpParams(mulberry32(1));
  const state = adamState(params);
  const rng = mulberry32(0);
  const opts = { alphasCumprod: labAlphasCumprod(), sampleData: (r: typeof rng, k: number) => sampleDataset(DATASET, r, k) };
  const t0 = now();
  for (let i = 0; i < trainSteps; i++) {
    const b = drawBatch(rng, opts, batch, 16);
    mlpTrainStepF32(params, state, mlpInputs(b.xt, b.emb, batch, 16, true), b.target, batch, 2e-3);
  }
  return trainSteps / ((now() - t0) / 1000);
}

export interface BenchRow {
  backend: string;
  gmmSeconds: number;
  gmmBaselineSeconds: number;
  mlpSeconds: number;
  mlpBaselineSeconds: number;
  trainPerSecond: number;
  trainBaselinePerSecond: number;
}

/** The phases benchAll reports, in order. */
export type BenchPhaseName = 'gmm' | 'gmmBaseline' | 'mlp' | 'mlpBaseline' | 'train' | 'trainBaseline';

/** All six figures on the current backend; the baseline is measured in the same run, right after. */
export async function benchAll(sizes: BenchSizes = {}, onProgress: (phase: BenchPhaseName) => void = () => undefined, yieldFn: () => Promise<void> = async () => undefined): Promise<BenchRow> {
  const backend = tf.getBackend();
  onProgress('gmm');
  const gmmSeconds = await tfSampleMixture(sizes);
  await yieldFn();
  onProgress('gmmBaseline');
  const gmmBaselineSeconds = baselineSampleMixture(sizes);
  await yieldFn();
  onProgress('mlp');
  const mlpSeconds = await tfSampleMlp(sizes);
  await yieldFn();
  onProgress('mlpBaseline');
  const mlpBaselineSeconds = baselineSampleMlp(sizes);
  await yieldFn();
  onProgress('train');
  const trainPerSecond = await tfTrainRate(sizes, yieldFn);
  await yieldFn();
  onProgress('trainBaseline');
  const trainBaselinePerSecond = baselineTrainRate(sizes);
  return { backend, gmmSeconds, gmmBaselineSeconds, mlpSeconds, mlpBaselineSeconds, trainPerSecond, trainBaselinePerSecond };
}
