#!/usr/bin/env node
/**
 * Train the pretrained MLP for each built-in dataset and write public/checkpoints/<dataset>.{json,bin}.
 * Runs the same TypeScript training code as the page (src/lab/mlp/train.ts) under Node on tfjs.
 *
 *   npm run train:checkpoints                      # all datasets, defaults below
 *   npm run train:checkpoints -- moons ring --steps 500 --backend cpu
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tf, useBackend, nodeYield } from './lib/tf-node.ts';
import { createMlp } from '../src/lab/mlp/model.ts';
import { trainMlp } from '../src/lab/mlp/train.ts';
import { initMlpParams } from '../src/core/nn/mlp-layout.ts';
import { encodeCheckpoint } from '../src/core/nn/checkpoint-format.ts';
import { mulberry32 } from '../src/core/rng.ts';
import { DATASETS, parseDatasetName, sampleDataset } from '../src/core/data/datasets.ts';
import { LAB_SCHEDULE, labAlphasCumprod } from '../src/lab/schedule.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const names = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')).map(parseDatasetName);
const datasets = names.length > 0 ? names : [...DATASETS];
const steps = Number(option('--steps', '5000'));
const learningRate = Number(option('--lr', '3e-3'));
const seed = Number(option('--seed', '2021'));
const batchSize = Number(option('--batch', '512'));
const backend = option('--backend', 'wasm') as 'wasm' | 'cpu';
const out = option('--out', 'public/checkpoints');

await useBackend(backend);
mkdirSync(out, { recursive: true });
for (const dataset of datasets) {
  const model = createMlp(initMlpParams(mulberry32(seed)));
  let last = 0;
  const result = await trainMlp(model, {
    alphasCumprod: labAlphasCumprod(),
    sampleData: (rng, n) => sampleDataset(dataset, rng, n),
    steps,
    batchSize,
    learningRate,
    seed,
    yieldFn: nodeYield,
    reportEvery: 100,
    onProgress: (step, loss) => {
      if (step - last >= 1000 || step === steps) {
        console.log(`${dataset}: step ${step}/${steps}, loss ${loss.toFixed(4)}`);
        last = step;
      }
    },
  });
  const params = await model.read();
  model.dispose();
  const { manifest, bytes } = encodeCheckpoint(params, {
    dataset,
    predictionType: 'epsilon',
    schedule: LAB_SCHEDULE,
    training: { seed, steps: result.steps, batchSize, learningRate, backend, seconds: Math.round(result.seconds * 10) / 10, finalLoss: Number(result.finalLoss.toFixed(5)) },
  });
  writeFileSync(join(out, `${dataset}.bin`), bytes);
  writeFileSync(join(out, `${dataset}.json`), JSON.stringify(manifest, null, 1) + '\n');
  console.log(`${dataset}: ${result.steps} steps in ${result.seconds.toFixed(1)} s on ${backend}, final loss ${result.finalLoss.toFixed(4)} → ${out}/${dataset}.{json,bin}`);
}
console.log(`tensors left: ${tf.memory().numTensors}`);
