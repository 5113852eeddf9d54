/**
 * The lab's ε-model on tensors (layout in src/core/nn/mlp-layout.ts): y = MLP([x, emb(t)]).
 * The first layer is split as x·W_x + emb·W_e + b so that one embedding row [1, d] broadcasts over
 * every point of a sampling step, while training passes one embedding row per example.
 */
import * as tf from '@tensorflow/tfjs-core';
import { mlpLayout, resolveConfig, type MlpConfig } from '../../core/nn/mlp-layout.ts';
import { timeEmbedding } from '../../core/nn/time-embedding.ts';
import { tensorFrom } from '../tensors.ts';

export interface MlpModel {
  config: Required<MlpConfig>;
  /** Trainable parameters in layout order. */
  variables: tf.Variable[];
  /** Output for points `x` [N, 2] and embeddings `emb` [1 or N, d]. Call inside tf.tidy. */
  apply(x: tf.Tensor, emb: tf.Tensor): tf.Tensor;
  /** Current parameters as Float32Arrays (for checkpoints and the plain-TS baseline). */
  read(): Promise<Float32Array[]>;
  dispose(): void;
}

function silu(x: tf.Tensor): tf.Tensor {
  return tf.mul(x, tf.sigmoid(x));
}

/** A model holding the given parameters (copied into tf.Variables). */
export function createMlp(params: Float32Array[], config: MlpConfig = {}): MlpModel {
  const cfg = resolveConfig(config);
  const layout = mlpLayout(cfg);
  if (params.length !== layout.length) throw new RangeError(`expected ${layout.length} parameter arrays, got ${params.length}`);
  const variables = layout.map(({ shape }, i) => tf.tidy(() => tf.variable(tensorFrom(params[i], shape), true, undefined)));
  const apply = (x: tf.Tensor, emb: tf.Tensor) => {
    const w0 = variables[0];
    const wx = tf.slice(w0, [0, 0], [2, cfg.hidden]);
    const we = tf.slice(w0, [2, 0], [cfg.embedDim, cfg.hidden]);
    let h = silu(tf.add(tf.add(tf.matMul(x, wx), tf.matMul(emb, we)), variables[1]));
    for (let l = 1; l < cfg.depth; l++) h = silu(tf.add(tf.matMul(h, variables[2 * l]), variables[2 * l + 1]));
    return tf.add(tf.matMul(h, variables[2 * cfg.depth]), variables[2 * cfg.depth + 1]);
  };
  return {
    config: cfg,
    variables,
    apply,
    async read() {
      return Promise.all(variables.map(async (v) => Float32Array.from(await v.data())));
    },
    dispose() {
      tf.dispose(variables);
    },
  };
}

/** The embedding row(s) of timestep(s) `ts` as a float32 tensor [ts.length, d]. */
export function embeddingTensor(ts: ArrayLike<number>, dim: number): tf.Tensor {
  return tensorFrom(timeEmbedding(ts, dim), [ts.length, dim]);
}
