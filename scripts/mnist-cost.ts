#!/usr/bin/env node
/**
 * What MNIST costs on tfjs under Node (cpu and wasm backends; tfjs-node is not used), printed as tables:
 *
 * 1. The exact empirical denoiser (src/lab/denoisers/empirical.ts): time per call for 16 samples
 *    against M = 1k … 10k training digits, with and without the refinement of the 8 nearest.
 * 2. One training step (forward + backward + Adam) of candidate ε-models on 28 × 28 digits:
 *    an MLP with a time embedding (784 → 1024, residual blocks, → 784), a small conv net with
 *    tf.conv2d (wasm has no Conv2DBackpropFilter kernel), and the same conv net with each 3 × 3
 *    convolution written as 9 shifted slices and one matrix product (kernels wasm has).
 *
 *   node scripts/mnist-cost.ts [--backends cpu,wasm] [--iters 3] [--models 0,1,4] [--conv-batch 32] [--skip-denoiser] [--skip-train]
 *
 * The tables in the report were made with (a conv net step on cpu takes minutes at batch 32):
 *   node scripts/mnist-cost.ts --backends cpu,wasm --skip-train
 *   node scripts/mnist-cost.ts --backends wasm --skip-denoiser
 *   node scripts/mnist-cost.ts --backends cpu --skip-denoiser --iters 1 --models 0,1,4 --conv-batch 4
 *
 * Each figure is the median of --iters timed calls after one untimed warm-up. Nothing here is
 * asserted: speed is measured, never tested.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { tf, useBackend } from './lib/tf-node.ts';
import { decodeMnist } from '../src/core/data/mnist-format.ts';
import { mnistSubset } from '../src/core/data/mnist.ts';
import { mulberry32, randn } from '../src/core/rng.ts';
import { empiricalDenoiser } from '../src/lab/denoisers/empirical.ts';
import { CANDIDATES, type Candidate } from './lib/mnist-candidates.ts';

const { values } = parseArgs({
  options: {
    backends: { type: 'string', default: 'cpu,wasm' },
    iters: { type: 'string', default: '3' },
    // --models 0,4: only these rows of CANDIDATES (default all).
    models: { type: 'string' },
    'conv-batch': { type: 'string', default: '32' },
    'skip-denoiser': { type: 'boolean', default: false },
    'skip-train': { type: 'boolean', default: false },
  },
});
/** A whole number in [min, max] from a flag, or an error naming the flag and its range. */
function integer(flag: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!(Number.isInteger(n) && n >= min && n <= max)) throw new Error(`--${flag} must be a whole number from ${min} to ${max}; got ${JSON.stringify(text)}`);
  return n;
}
const backends = values.backends.split(',').map((b) => {
  if (b !== 'cpu' && b !== 'wasm') throw new Error(`--backends must list cpu and/or wasm; got ${JSON.stringify(b)}`);
  return b;
});
const iters = integer('iters', values.iters, 1, 100);
const models = values.models === undefined ? null : values.models.split(',').map((m) => integer('models', m, 0, CANDIDATES.length - 1));
const convBatch = integer('conv-batch', values['conv-batch'], 1, 512);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function time(fn: () => Promise<void>, n = iters): Promise<number> {
  await fn();
  const ts: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    ts.push(performance.now() - t0);
  }
  return median(ts);
}
const ms = (t: number) => (t >= 10_000 ? `${(t / 1000).toFixed(1)} s` : `${t.toFixed(t < 10 ? 2 : 0)} ms`).padStart(9);

const buf = readFileSync('public/data/mnist-10k.bin');
const set = decodeMnist(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer);

if (!values['skip-denoiser']) {
  const N = 16;
  const sizes = [1000, 2500, 5000, 10_000];
  const x = Float32Array.from(randn(mulberry32(1), N * 784));
  console.log(`\nExact empirical denoiser, one call for ${N} samples (x_t at α = 0.5), median of ${iters}; work ∝ N·M·784`);
  console.log(`| backend | M      | refineTop 8 | refineTop 0 | ns per N·M·784 (refined) |`);
  console.log(`|---------|--------|-------------|-------------|--------------------------|`);
  for (const backend of backends) {
    await useBackend(backend);
    for (const M of sizes) {
      const pts = { points: Float32Array.from(mnistSubset(set, { count: M }).images), count: M, dim: 784 };
      const xt = tf.tensor(x, [N, 784]);
      const row: number[] = [];
      for (const refineTop of [8, 0]) {
        const den = empiricalDenoiser(pts, { refineTop });
        row.push(await time(async () => {
          const e = den.epsilon(xt, { timestep: 500, alphaBar: 0.5 });
          await e.data();
          e.dispose();
        }));
        den.dispose();
      }
      xt.dispose();
      console.log(`| ${backend.padEnd(7)} | ${String(M).padEnd(6)} | ${ms(row[0]).padStart(11)} | ${ms(row[1]).padStart(11)} | ${((row[0] * 1e6) / (N * M * 784)).toFixed(3).padStart(24)} |`);
    }
  }
}

if (!values['skip-train']) {
  const B = 128;
  console.log(`\nCandidate ε-models on 28 × 28 inputs: one forward pass for 16 samples (a sampling step), and one training step`);
  console.log(`(forward, backward, Adam) at the given batch; median of ${iters} after a warm-up (1 for the conv nets on cpu)`);
  console.log(`| backend | model                              | params    | fwd ×16   | batch | train step | steps in 90 min |`);
  console.log(`|---------|------------------------------------|-----------|-----------|-------|-----------|-----------------|`);
  const digits = Float32Array.from(mnistSubset(set, { count: B }).images);
  for (const backend of backends) {
    await useBackend(backend);
    const x0 = tf.tensor(digits, [B, 784]);
    for (const c of (CANDIDATES as Candidate[]).filter((_, i) => !models || models.includes(i))) {
      const label = c.name.padEnd(34);
      const batch = c.batch === undefined ? B : convBatch;
      let model;
      try {
        model = c.build(mulberry32(2021));
      } catch (e) {
        console.log(`| ${backend.padEnd(7)} | ${label} | build failed: ${(e as Error).message.slice(0, 60)}`);
        continue;
      }
      const opt = tf.train.adam(1e-3);
      const xb = batch === B ? x0 : tf.slice(x0, [0, 0], [batch, 784]);
      const noise = tf.randomNormal([batch, 784], 0, 1, 'float32', 7);
      const t = tf.tensor1d(Array.from({ length: batch }, (_, i) => (i * 37) % 1000), 'float32');
      const step = async () => {
        const loss = opt.minimize(() => {
          const a = tf.reshape(tf.cos(tf.mul(t, Math.PI / 2000)), [batch, 1]); // a stand-in for √ᾱ_t
          const xt = tf.add(tf.mul(xb, a), tf.mul(noise, tf.sqrt(tf.sub(1, tf.square(a)))));
          return tf.losses.meanSquaredError(noise, model.apply(xt, t)) as tf.Scalar;
        }, true, model.variables);
        await loss!.data();
        loss!.dispose();
      };
      let cell: string;
      const x16 = tf.slice(noise, [0, 0], [Math.min(16, batch), 784]);
      const t16 = tf.slice(t, [0], [Math.min(16, batch)]);
      let fwd = '';
      try {
        const f = await time(async () => {
          const y = tf.tidy(() => model.apply(x16, t16));
          await y.data();
          y.dispose();
        }, 1);
        fwd = ms(f);
      } catch (e) {
        fwd = 'fails'.padStart(9);
      }
      tf.dispose([x16, t16]);
      try {
        const s = await time(step, c.slow && backend === 'cpu' ? 1 : iters);
        cell = `${ms(s)} | ${String(Math.floor((90 * 60_000) / s)).padStart(15)}`;
      } catch (e) {
        cell = `fails: ${(e as Error).message.slice(0, 70)}`;
      }
      console.log(`| ${backend.padEnd(7)} | ${label} | ${String(model.paramCount).padStart(9)} | ${fwd} | ${String(batch).padStart(5)} | ${cell} |`);
      tf.dispose([noise, t]);
      if (xb !== x0) xb.dispose();
      opt.dispose();
      model.dispose();
    }
    x0.dispose();
  }
}
console.log(`\n(tfjs ${tf.version_core}; backends ${backends.join(', ')}; Node ${process.version})`);
