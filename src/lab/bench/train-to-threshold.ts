/**
 * How long training on two moons takes to reach the stated quality: train in rounds of `every`
 * Adam steps; after each round draw 2,000 samples with 50 DDIM steps (η = 0) and compute their
 * sliced W₂ to the known density. Stops at the threshold or after `maxSeconds` of training.
 */
import { datasetMixture, sampleDataset } from '../../core/data/datasets.ts';
import { initMlpParams } from '../../core/nn/mlp-layout.ts';
import { sampleQuality } from '../../core/metrics/sample-quality.ts';
import { mulberry32, randn } from '../../core/rng.ts';
import { mlpDenoiser } from '../denoisers/mlp.ts';
import { createMlp } from '../mlp/model.ts';
import { trainMlp } from '../mlp/train.ts';
import { sampleLoop } from '../sampling/sample-loop.ts';
import { buildPlan } from '../sampling/scheduler-plan.ts';
import { labAlphasCumprod } from '../schedule.ts';
import { SW2_THRESHOLD } from './threshold.ts';

export interface ThresholdResult {
  reached: boolean;
  steps: number;
  trainSeconds: number;
  totalSeconds: number;
  slicedW2: number;
  history: { steps: number; trainSeconds: number; slicedW2: number }[];
}

export interface ThresholdOptions {
  threshold?: number;
  /** Adam steps per round. Default 250. */
  every?: number;
  maxSeconds?: number;
  learningRate?: number;
  totalSteps?: number;
  yieldFn?: () => Promise<void>;
  /** Called after each round with the steps so far and the round's sliced W₂. */
  onRound?: (steps: number, slicedW2: number) => void;
}

export async function trainToThreshold({ threshold = SW2_THRESHOLD, every = 250, maxSeconds = 60, learningRate = 6e-3, totalSteps = 750, yieldFn = async () => undefined, onRound = () => undefined }: ThresholdOptions = {}): Promise<ThresholdResult> {
  const model = createMlp(initMlpParams(mulberry32(2021)));
  const mix = datasetMixture('moons');
  const start = performance.now();
  let trainSeconds = 0;
  let steps = 0;
  let slicedW2 = Infinity;
  const history: ThresholdResult['history'] = [];
  const den = mlpDenoiser(model, { trainAlphasCumprod: labAlphasCumprod() });
  try {
    while (trainSeconds < maxSeconds) {
      // One schedule over `totalSteps`, run in rounds: round r covers steps [r·every, (r+1)·every).
      const r = await trainMlp(model, {
        alphasCumprod: labAlphasCumprod(),
        sampleData: (rng, k) => sampleDataset('moons', rng, k),
        steps: every,
        learningRate,
        scheduleSteps: totalSteps,
        stepOffset: Math.min(steps, totalSteps),
        seed: steps + 1,
        yieldFn,
        reportEvery: every,
      });
      steps += r.steps;
      trainSeconds += r.seconds;
      const out = await sampleLoop({ plan: buildPlan({ numInferenceSteps: 50 }), denoiser: den, xT: randn(mulberry32(7), 4000) });
      slicedW2 = sampleQuality(mix, out.samples).slicedW2;
      history.push({ steps, trainSeconds, slicedW2 });
      onRound(steps, slicedW2);
      if (slicedW2 < threshold) break;
    }
  } finally {
    model.dispose();
  }
  return { reached: slicedW2 < threshold, steps, trainSeconds, totalSeconds: (performance.now() - start) / 1000, slicedW2, history };
}
