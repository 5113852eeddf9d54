import '@tensorflow/tfjs';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertClose } from '../../assert-close.ts';
import { datasetMixture } from '../../../src/core/data/datasets.ts';
import { NOTES_AS_WRITTEN, notesPlan, notesUpdate } from '../../../src/core/ddim/notes-formulas.ts';
import { noisy, noiseOf } from '../../../src/core/ddim/predict.ts';
import { mulberry32, randn } from '../../../src/core/rng.ts';
import { movesAlong } from '../../../src/core/sampling/notes-moves.ts';
import { mixtureDenoiser } from '../../../src/lab/denoisers/mixture.ts';
import { buildNotesPlan, buildNotesPlanAlong } from '../../../src/lab/sampling/notes-plan.ts';
import { sampleLoop } from '../../../src/lab/sampling/sample-loop.ts';
import { buildPlan } from '../../../src/lab/sampling/scheduler-plan.ts';
import type { SamplingPlan } from '../../../src/lab/sampling/plan.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const N = 200;
const xT = randn(mulberry32(5), 2 * N);
const noiseAt = (i: number) => randn(mulberry32(500 + i), 2 * N);

async function sample(plan: SamplingPlan) {
  const denoiser = mixtureDenoiser(datasetMixture('moons'));
  const r = await sampleLoop({ plan, denoiser, xT, noiseAt });
  denoiser.dispose();
  return Array.from(r.samples);
}

describe('buildNotesPlan() (tfjs cpu)', () => {
  it('with every switch off samples what the paper’s plan samples, to float32 rounding', async () => {
    const before = tf.memory().numTensors;
    const opts = { numInferenceSteps: 20, eta: 0.5 };
    const notes = buildNotesPlan({ ...opts, formulas: {} });
    expect(notes.noRealValue).toBeNull();
    assertClose(await sample(notes), await sample(buildPlan(opts)), { abs: 1e-4, rel: 1e-4 });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('with σ² noise samples something else', async () => {
    const opts = { numInferenceSteps: 20, eta: 1 };
    const a = await sample(buildNotesPlan({ ...opts, formulas: { noiseSquared: true } }));
    const b = await sample(buildPlan(opts));
    expect(Math.max(...a.map((v, i) => Math.abs(v - b[i])))).toBeGreaterThan(0.05);
  });

  it('stops before a step with no real value and names it (50 steps, one-step σ, η = 1: 20 → 0)', () => {
    const plan = buildNotesPlan({ numInferenceSteps: 50, eta: 1, formulas: { oneStepSigma: true } });
    expect(plan.noRealValue).toMatchObject({ timestep: 20, prevTimestep: 0, index: 48 });
    expect(plan.steps).toHaveLength(48);
  });
});

describe('buildNotesPlanAlong() (tfjs cpu)', () => {
  it('runs the core’s notes step with the true x_0 (prediction "sample") to float32 rounding', () => {
    const tau = [999, 700, 500, 120, 30];
    const eta = 0.8;
    const formulas = { noiseSquared: true, etaOnVariance: true };
    const x0 = Float64Array.from({ length: 2 * N }, (_, i) => (i % 2 ? -0.3 : 0.6));
    const plan = buildNotesPlanAlong(tau, { eta, predictionType: 'sample', formulas });
    const core = notesPlan(movesAlong(tau, eta), formulas);
    expect(plan.steps).toHaveLength(core.steps.length);
    let ref = noisy(x0, xT, core.steps[0].step.alphaT);
    let x: tf.Tensor = tf.tensor2d(Float32Array.from(ref), [N, 2]);
    const oracle = tf.tensor2d(Float32Array.from(x0), [N, 2]);
    plan.steps.forEach((_, i) => {
      const z = noiseAt(i);
      const noise = tf.tensor2d(Float32Array.from(z), [N, 2]);
      const out = plan.step(i, oracle, x, noise);
      tf.dispose([noise, x, out.predOriginalSample]);
      x = out.prevSample;
      ref = notesUpdate(ref, noiseOf(ref, x0, core.steps[i].step.alphaT), core.steps[i], z).prev;
    });
    assertClose(Array.from(x.dataSync()), Array.from(ref), { abs: 1e-4, rel: 1e-4 });
    tf.dispose([x, oracle]);
  });

  it('the notes as written along the Lemma 1 widget’s default τ stop at 9 → 0', () => {
    const tau = [800, 632, 483, 355, 246, 158, 88, 39, 9, 0];
    const plan = buildNotesPlanAlong(tau, { eta: 0.5, predictionType: 'sample', formulas: NOTES_AS_WRITTEN });
    expect(plan.noRealValue).toMatchObject({ timestep: 9, prevTimestep: 0 });
    expect(plan.steps.every((s) => Number.isFinite(s.sigma))).toBe(true);
  });
});
