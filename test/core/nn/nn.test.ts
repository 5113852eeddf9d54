import { describe, expect, it } from 'vitest';
import { assertClose } from '../../assert-close.ts';
import { timeEmbedding } from '../../../src/core/nn/time-embedding.ts';
import { matchTrainingTimestep } from '../../../src/core/nn/model-time.ts';
import { epsilonFromOutput, outputFromEpsilon, PREDICTION_TYPES } from '../../../src/core/nn/prediction.ts';
import { initMlpParams, mlpLayout, parameterCount } from '../../../src/core/nn/mlp-layout.ts';
import { decodeCheckpoint, encodeCheckpoint } from '../../../src/core/nn/checkpoint-format.ts';
import { mulberry32 } from '../../../src/core/rng.ts';
import { betaSchedule } from '../../../src/core/schedule/betas.ts';
import { alphasFromBetas } from '../../../src/core/schedule/alphas.ts';

const linear = alphasFromBetas(betaSchedule('linear')).subarray(1);

describe('timeEmbedding', () => {
  it('is [sin, cos] of t times geometric frequencies from 1 to 1/10000', () => {
    const e = timeEmbedding([0, 3], 16);
    assertClose(Array.from(e.subarray(0, 16)), [...Array(8).fill(0), ...Array(8).fill(1)], { abs: 0 });
    expect(e[16]).toBeCloseTo(Math.sin(3), 14);
    expect(e[16 + 7]).toBeCloseTo(Math.sin(3 / 10000), 14);
    expect(e[16 + 8]).toBeCloseTo(Math.cos(3), 14);
  });
});

describe('matchTrainingTimestep', () => {
  it('returns t itself when the sampler uses the training schedule', () => {
    for (const t of [0, 1, 17, 500, 998, 999]) expect(matchTrainingTimestep(linear[t], linear)).toBeCloseTo(t, 9);
  });

  it('maps another schedule to the training step with the same noise level, clamped at the ends', () => {
    const cosine = alphasFromBetas(betaSchedule('squaredcos_cap_v2')).subarray(1);
    const u = matchTrainingTimestep(cosine[500], linear);
    const lo = Math.floor(u);
    expect(linear[lo]).toBeGreaterThanOrEqual(cosine[500]);
    expect(linear[lo + 1]).toBeLessThan(cosine[500]);
    expect(matchTrainingTimestep(cosine[999], linear)).toBe(999);
    expect(matchTrainingTimestep(0.99999, linear)).toBe(0);
  });
});

describe('prediction types', () => {
  it.each(PREDICTION_TYPES)('%s: outputFromEpsilon and epsilonFromOutput are inverse', (type) => {
    for (const alpha of [0.9999, 0.5, 1e-4]) {
      const out = outputFromEpsilon(type, 0.7, -1.3, alpha);
      expect(epsilonFromOutput(type, 0.7, out, alpha)).toBeCloseTo(-1.3, 6);
    }
  });
});

describe('MLP layout and checkpoints', () => {
  it('has 2 + 16 → 128 × 3 → 2 = 35,714 parameters', () => {
    expect(mlpLayout().map((p) => p.shape)).toEqual([[18, 128], [128], [128, 128], [128], [128, 128], [128], [128, 2], [2]]);
    expect(parameterCount()).toBe(35714);
  });

  it('round-trips parameters through the binary format exactly', () => {
    const params = initMlpParams(mulberry32(3));
    const meta = {
      dataset: 'moons',
      predictionType: 'epsilon' as const,
      schedule: { betaSchedule: 'linear', numTrainTimesteps: 1000, betaStart: 1e-4, betaEnd: 0.02 },
      training: { seed: 1, steps: 1, batchSize: 1, learningRate: 1, backend: 'cpu', seconds: 0, finalLoss: 1 },
    };
    const { manifest, bytes } = encodeCheckpoint(params, meta);
    expect(bytes.byteLength).toBe(4 * 35714);
    const back = decodeCheckpoint(JSON.parse(JSON.stringify(manifest)), bytes.buffer as ArrayBuffer);
    expect(back.params).toEqual(params);
  });

  it('refuses a truncated file, a wrong format and a tampered shape with a precise message', () => {
    const params = initMlpParams(mulberry32(3));
    const meta = {
      dataset: 'moons',
      predictionType: 'epsilon' as const,
      schedule: { betaSchedule: 'linear', numTrainTimesteps: 1000, betaStart: 1e-4, betaEnd: 0.02 },
      training: { seed: 1, steps: 1, batchSize: 1, learningRate: 1, backend: 'cpu', seconds: 0, finalLoss: 1 },
    };
    const { manifest, bytes } = encodeCheckpoint(params, meta);
    expect(() => decodeCheckpoint(manifest, bytes.buffer.slice(0, 1000) as ArrayBuffer)).toThrow(/lies outside the 1000-byte file/);
    expect(() => decodeCheckpoint({ ...manifest, format: 'x' }, bytes.buffer as ArrayBuffer)).toThrow(/not a lab checkpoint/);
    const bad = JSON.parse(JSON.stringify(manifest));
    bad.tensors[2].shape = [64, 256];
    expect(() => decodeCheckpoint(bad, bytes.buffer as ArrayBuffer)).toThrow(/expected w1 128×128/);
  });
});
