import '@tensorflow/tfjs';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertClose } from '../../assert-close.ts';
import { sampleDataset } from '../../../src/core/data/datasets.ts';
import { initMlpParams } from '../../../src/core/nn/mlp-layout.ts';
import { mulberry32 } from '../../../src/core/rng.ts';
import { createMlp } from '../../../src/lab/mlp/model.ts';
import { trainMlp } from '../../../src/lab/mlp/train.ts';
import { labAlphasCumprod } from '../../../src/lab/schedule.ts';

const immediate = () => new Promise<void>((r) => setImmediate(r));

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('trainMlp', () => {
  it('lowers the loss, is reproducible from its seed, and leaves no tensors behind', async () => {
    const run = async () => {
      const model = createMlp(initMlpParams(mulberry32(1), { hidden: 32, depth: 2 }), { hidden: 32, depth: 2 });
      const before = tf.memory().numTensors;
      const losses: number[] = [];
      const result = await trainMlp(model, {
        alphasCumprod: labAlphasCumprod(),
        sampleData: (rng, n) => sampleDataset('ring', rng, n),
        steps: 60,
        batchSize: 128,
        reportEvery: 20,
        yieldFn: immediate,
        onProgress: (_, l) => losses.push(l),
      });
      expect(tf.memory().numTensors).toBe(before);
      const params = await model.read();
      model.dispose();
      return { losses, result, params };
    };
    const a = await run();
    const b = await run();
    expect(a.losses).toHaveLength(3);
    expect(a.losses[2]).toBeLessThan(a.losses[0]);
    expect(a.result.steps).toBe(60);
    assertClose(b.params, a.params, { abs: 0 });
  });

  it('stops at once when cancelled and waits while paused', async () => {
    const model = createMlp(initMlpParams(mulberry32(2), { hidden: 16, depth: 1 }), { hidden: 16, depth: 1 });
    const control = { paused: false, cancelled: false };
    let yields = 0;
    const result = await trainMlp(model, {
      alphasCumprod: labAlphasCumprod(),
      sampleData: (rng, n) => sampleDataset('moons', rng, n),
      steps: 1000,
      batchSize: 16,
      control,
      yieldFn: async () => {
        yields++;
        if (yields === 5) control.paused = true;
        if (yields === 25) control.cancelled = true;
        await immediate();
      },
    });
    expect(result.cancelled).toBe(true);
    expect(result.steps).toBe(5);
    model.dispose();
    expect(tf.memory().numTensors).toBe(0);
  });
});
