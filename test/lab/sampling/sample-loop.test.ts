import '@tensorflow/tfjs';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertClose } from '../../assert-close.ts';
import { datasetMixture } from '../../../src/core/data/datasets.ts';
import { qualityFloor, sampleQuality } from '../../../src/core/metrics/sample-quality.ts';
import { mulberry32, randn } from '../../../src/core/rng.ts';
import { referenceSample } from '../../../src/core/sampling/reference-sampler.ts';
import { mixtureDenoiser } from '../../../src/lab/denoisers/mixture.ts';
import { sampleLoop } from '../../../src/lab/sampling/sample-loop.ts';
import { buildPlan } from '../../../src/lab/sampling/scheduler-plan.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const N = 300;
const xT = randn(mulberry32(11), 2 * N);
const noiseAt = (i: number) => randn(mulberry32(1000 + i), 2 * N);

async function tfSample(opts: Parameters<typeof buildPlan>[0], dataset: 'moons' | 'ring' = 'moons') {
  const denoiser = mixtureDenoiser(datasetMixture(dataset));
  const r = await sampleLoop({ plan: buildPlan(opts), denoiser, xT, noiseAt });
  denoiser.dispose();
  return r.samples;
}

describe('sampleLoop through the scheduler (tfjs cpu)', () => {
  it.each([
    ['DDIM η = 0', { numInferenceSteps: 20 }],
    ['DDIM η = 1', { numInferenceSteps: 20, eta: 1 }],
    ['DDIM η = 0.5, trailing, v-prediction', { numInferenceSteps: 15, eta: 0.5, timestepSpacing: 'trailing' as const, predictionType: 'v_prediction' as const }],
    ['σ̂ (DDPM fixed_large)', { numInferenceSteps: 25, variance: 'sigmaHat' as const }],
    ['cosine schedule, x_0-prediction', { numInferenceSteps: 10, betaSchedule: 'squaredcos_cap_v2' as const, predictionType: 'sample' as const }],
  ])('%s agrees with the float64 reference within float32 tolerance', async (_, opts) => {
    const before = tf.memory().numTensors;
    const got = await tfSample(opts);
    expect(tf.memory().numTensors).toBe(before);
    const want = referenceSample({ mixture: datasetMixture('moons'), xT, noiseAt, ...opts });
    assertClose(Array.from(got), Array.from(want), { abs: 2e-3, rel: 1e-3 });
  });

  it('with the exact denoiser and 50 DDIM steps lands on the data (sliced W₂ near the sampling floor)', async () => {
    const samples = await tfSample({ numInferenceSteps: 50 }, 'ring');
    const q = sampleQuality(datasetMixture('ring'), samples);
    const floor = qualityFloor(datasetMixture('ring'), N);
    const noise = sampleQuality(datasetMixture('ring'), xT);
    expect(q.slicedW2).toBeLessThan(1.5 * floor.slicedW2);
    expect(noise.slicedW2).toBeGreaterThan(5 * floor.slicedW2);
  });
});

describe('sampleLoop x̂_0 trace', () => {
  it('records x̂_0 of the first points after every step, equal to the recorded full x̂_0 at those steps, leaking nothing', async () => {
    const denoiser = mixtureDenoiser(datasetMixture('moons'));
    const before = tf.memory().numTensors;
    const plan = buildPlan({ numInferenceSteps: 8, eta: 0.5 });
    const r = await sampleLoop({ plan, denoiser, xT, noiseAt, traceX0: 50, recordX0At: [0, 7] });
    expect(tf.memory().numTensors).toBe(before);
    denoiser.dispose();
    expect(r.x0Trace.length).toBe(8);
    expect(r.x0Trace.every((a) => a.length === 100)).toBe(true);
    for (const i of [0, 7]) expect(Array.from(r.x0Trace[i])).toEqual(Array.from(r.x0At.get(i)!.subarray(0, 100)));
    // x̂_0 moves between steps: the trace is per step, not one array repeated.
    expect(Array.from(r.x0Trace[0])).not.toEqual(Array.from(r.x0Trace[7]));
  });
  it('records nothing unless asked', async () => {
    const denoiser = mixtureDenoiser(datasetMixture('moons'));
    const r = await sampleLoop({ plan: buildPlan({ numInferenceSteps: 3 }), denoiser, xT });
    denoiser.dispose();
    expect(r.x0Trace).toEqual([]);
  });
});
