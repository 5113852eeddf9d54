/**
 * DDIMPipeline through the tfjs adapter (src/lab/pipeline.ts): on the cpu and wasm backends it agrees
 * with the core's typed-array pipeline within float32 tolerance, the lab's exact and MLP denoisers
 * drive it, and a run leaves no tensor behind.
 */
import '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { datasetMixture } from '../../src/core/data/datasets.ts';
import { decodeCheckpoint } from '../../src/core/nn/checkpoint-format.ts';
import { mulberry32 } from '../../src/core/rng.ts';
import { DDPMScheduler } from '../../src/core/scheduler/ddpm.ts';
import { mixtureDenoiser } from '../../src/lab/denoisers/mixture.ts';
import { mlpDenoiser } from '../../src/lab/denoisers/mlp.ts';
import { createMlp } from '../../src/lab/mlp/model.ts';
import { tensorPipeline } from '../../src/lab/pipeline.ts';
import { labAlphasCumprod } from '../../src/lab/schedule.ts';
import { buildPipeline } from '../../src/widgets/pipeline/run.ts';
import { assertClose } from '../assert-close.ts';

const SETTINGS = { dataset: 'moons', denoiser: 'exact', source: 'ddpm', spacing: 'leading', offset: 0, steps: 20, eta: 0.5, clip: false, batch: 8, generators: 'perItem', seed: 3, output: 'np', scale: 1 } as const;

for (const backend of ['cpu', 'wasm'] as const) {
  describe(`DDIMPipeline on the tfjs ${backend} backend`, () => {
    beforeAll(async () => {
      expect(await tf.setBackend(backend)).toBe(true);
      await tf.ready();
    });

    it('with the exact mixture denoiser, matches the typed-array pipeline within float32 tolerance (20 steps, η = 0.5, a generator per item)', async () => {
      const typed = await buildPipeline(SETTINGS).call({ batchSize: 8, generator: [3, 4, 5, 6, 7, 8, 9, 10].map(mulberry32), eta: 0.5, numInferenceSteps: 20, outputType: 'np' });
      const before = tf.memory().numTensors;
      const denoiser = mixtureDenoiser(datasetMixture('moons'));
      const pipe = tensorPipeline(denoiser, new DDPMScheduler({ clipSample: false }));
      const out = await pipe.call({ batchSize: 8, generator: [3, 4, 5, 6, 7, 8, 9, 10].map(mulberry32), eta: 0.5, numInferenceSteps: 20, outputType: 'np' });
      // The ε* softmax in float32 (tensors) against float64 (core, rounded once to float32): the two
      // differ by float32 rounding in each of 20 steps; observed max |Δ| 1.2e−7 (one float32 ulp near 1) on cpu and wasm, allow 1e−5.
      const got = await out.sample.data();
      assertClose(got, typed.sample.data, { abs: 1e-5, rel: 1e-5 });
      assertClose(out.images, typed.images, { abs: 1e-5, rel: 1e-5 });
      out.sample.dispose();
      denoiser.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });

    it('with the pretrained MLP of the two moons, runs 50 steps and leaves no tensor behind', async () => {
      const { params, manifest } = decodeCheckpoint(JSON.parse(readFileSync('public/checkpoints/moons.json', 'utf8')), readFileSync('public/checkpoints/moons.bin').buffer as ArrayBuffer);
      const before = tf.memory().numTensors;
      const denoiser = mlpDenoiser(createMlp(params), { trainAlphasCumprod: labAlphasCumprod(), predictionType: manifest.predictionType, ownsModel: true });
      const out = await tensorPipeline(denoiser, new DDPMScheduler({ clipSample: false })).call({ batchSize: 64, generator: mulberry32(1), numInferenceSteps: 50, outputType: 'np' });
      const x = await out.sample.data();
      out.sample.dispose();
      denoiser.dispose();
      expect(tf.memory().numTensors).toBe(before);
      expect(x.every(Number.isFinite)).toBe(true);
      // The moons lie inside [−1, 1]²: a trained model's samples do too, nearly all of them.
      expect(Array.from(x).filter((v) => Math.abs(v) > 1.2).length).toBeLessThan(4);
    });
  });
}
