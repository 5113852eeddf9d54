/**
 * The tfjs adapter runs the core's one step(): on the tfjs cpu and wasm backends (under Node) it
 * agrees with the core's float32 path on typed arrays, and it leaves no tensors behind.
 */
import '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DDIMScheduler } from '../../src/core/scheduler/ddim.ts';
import { DDPMScheduler } from '../../src/core/scheduler/ddpm.ts';
import type { SchedulerConfig } from '../../src/core/scheduler/config.ts';
import { SchedulerStepError } from '../../src/core/scheduler/errors.ts';
import { tensor, type Tensor } from '../../src/core/scheduler/tensor.ts';
import { mulberry32, randn } from '../../src/core/rng.ts';
import { onTensors } from '../../src/lab/scheduler.ts';
import { assertClose } from '../assert-close.ts';

const B = 5;
const D = 2;
const rng = mulberry32(2024);
const f32 = (n: number, scale = 1) => Float32Array.from(randn(rng, n), (v) => v * scale);
const sample = f32(B * D, 1.5);
const model = f32(B * D);
const noise = f32(B * D);
const core = (d: Float32Array): Tensor<Float32Array> => tensor(Float32Array.from(d), [B, D]);
const tfT = (d: Float32Array) => tf.tensor(Float32Array.from(d), [B, D], 'float32');

const configs: [string, SchedulerConfig][] = [
  ['ε, clipped', {}],
  ['v-prediction, trailing', { predictionType: 'v_prediction', timestepSpacing: 'trailing', clipSample: false }],
  ['x_0-prediction, linspace', { predictionType: 'sample', timestepSpacing: 'linspace' }],
  ['dynamic thresholding', { thresholding: true, dynamicThresholdingRatio: 0.9, sampleMaxValue: 1.5 }],
  ['scaled linear, zero SNR, v', { betaSchedule: 'scaled_linear', betaStart: 0.00085, betaEnd: 0.012, rescaleBetasZeroSnr: true, predictionType: 'v_prediction', timestepSpacing: 'trailing' }],
];

for (const backend of ['cpu', 'wasm'] as const) {
  describe(`onTensors on the tfjs ${backend} backend`, () => {
    // float32 kernels: cpu computes each op in double and stores float32, exactly like the core's
    // Math.fround path; wasm (XNNPACK) rounds each op to float32 too. Allow 1e-6 relative.
    const TOL = { rel: 1e-6, abs: 1e-6 };
    beforeAll(async () => {
      expect(await tf.setBackend(backend)).toBe(true);
      await tf.ready();
      expect(tf.getBackend()).toBe(backend);
    });

    for (const [name, config] of configs) {
      it(`DDIM ${name}: every step of a 10-step run matches the core float32 path (η = 0.5, noise given)`, () => {
        const s = new DDIMScheduler(config);
        s.setTimesteps(10);
        const st = onTensors(s);
        for (const t of s.timesteps) {
          const eta = Math.min(0.5, s.maxEta(t));
          const want = s.stepTrace(core(model), t, core(sample), { eta, varianceNoise: core(noise) });
          const [m, x, z] = [tfT(model), tfT(sample), tfT(noise)];
          const got = st.stepTrace(m, t, x, { eta, varianceNoise: z });
          assertClose(got.prevSample.dataSync(), want.prevSample.data, TOL);
          assertClose(got.predOriginalSample.dataSync(), want.predOriginalSample.data, TOL);
          assertClose(got.direction.dataSync(), want.direction.data, TOL);
          expect(got.coefficients).toEqual(want.coefficients);
          tf.dispose([m, x, z, got.prevSample, got.predOriginalSample, got.unclippedOriginalSample, got.predEpsilon, got.meanTerm, got.direction, got.noiseTerm]);
        }
      });
    }

    it('DDPM: a step with noise, addNoise and getVelocity match the core float32 path', () => {
      const s = new DDPMScheduler({ predictionType: 'v_prediction' });
      s.setTimesteps(20);
      const st = onTensors(s);
      const [m, x, z] = [tfT(model), tfT(sample), tfT(noise)];
      const t = s.timesteps[3];
      const got = st.step(m, t, x, { varianceNoise: z });
      assertClose(got.prevSample.dataSync(), s.step(core(model), t, core(sample), { varianceNoise: core(noise) }).prevSample.data, TOL);
      const ts = [10, 200, 500, 800, 999];
      const xt = st.addNoise(x, z, ts);
      assertClose(xt.dataSync(), s.addNoise(core(sample), core(noise), ts).data, TOL);
      const v = st.getVelocity(x, z, [300]);
      assertClose(v.dataSync(), s.getVelocity(core(sample), core(noise), [300]).data, TOL);
      tf.dispose([m, x, z, got.prevSample, got.predOriginalSample, xt, v]);
    });

    it('draws the same noise from a seeded generator as the core path', () => {
      const s = new DDIMScheduler();
      s.setTimesteps(10);
      const [m, x] = [tfT(model), tfT(sample)];
      const got = onTensors(s).step(m, 500, x, { eta: 1, generator: mulberry32(9) });
      assertClose(got.prevSample.dataSync(), s.step(core(model), 500, core(sample), { eta: 1, generator: mulberry32(9) }).prevSample.data, TOL);
      tf.dispose([m, x, got.prevSample, got.predOriginalSample]);
    });

    it('refuses bad input with the same typed errors, before computing anything', () => {
      const s = new DDIMScheduler();
      s.setTimesteps(10);
      const [m, x] = [tfT(model), tf.tensor(Float32Array.from([NaN, ...sample.slice(1)]), [B, D])];
      const before = tf.memory().numTensors;
      expect(() => onTensors(s).step(m, 500, x)).toThrow(SchedulerStepError);
      expect(() => onTensors(s).step(m, 501, m)).toThrow(/timestep must be one of the scheduled timesteps/);
      expect(tf.memory().numTensors).toBe(before);
      tf.dispose([m, x]);
    });

    it('leaves no tensors behind, and never returns an input as an output', () => {
      const s = new DDIMScheduler({ predictionType: 'sample', clipSample: false });
      s.setTimesteps(10);
      const [m, x] = [tfT(model), tfT(sample)];
      const before = tf.memory().numTensors;
      const out = onTensors(s).step(m, 900, x);
      expect(out.predOriginalSample).not.toBe(m);
      tf.dispose([out.prevSample, out.predOriginalSample]);
      expect(tf.memory().numTensors).toBe(before);
      expect(m.isDisposed).toBe(false);
      tf.dispose([m, x]);
    });
  });
}

afterAll(() => {
  tf.disposeVariables();
});
