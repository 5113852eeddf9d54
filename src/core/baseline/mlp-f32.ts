/**
 * The lab's MLP in plain TypeScript loops over Float32Array: forward pass, backward pass and Adam.
 * This is the benchmark's baseline (the same computation as src/lab/mlp/ without tfjs), and a
 * second implementation the tfjs model is tested against. Layout: src/core/nn/mlp-layout.ts.
 */
import { resolveConfig, type MlpConfig } from '../nn/mlp-layout.ts';

/** y = x·W + b for `rows` rows: x [rows × k], W [k × m], b [m]. */
function affine(x: Float32Array, rows: number, k: number, w: Float32Array, b: Float32Array, m: number, out: Float32Array): void {
  for (let r = 0; r < rows; r++) {
    const o = r * m;
    for (let j = 0; j < m; j++) out[o + j] = b[j];
    for (let i = 0; i < k; i++) {
      const xi = x[r * k + i];
      if (xi === 0) continue;
      const wr = i * m;
      for (let j = 0; j < m; j++) out[o + j] += xi * w[wr + j];
    }
  }
}

function silu(z: Float32Array, out: Float32Array): void {
  for (let i = 0; i < z.length; i++) out[i] = z[i] / (1 + Math.exp(-z[i]));
}

/** Inputs [rows × (2 + d)]: each row x_t followed by the embedding of its t. */
export function mlpInputs(x: ArrayLike<number>, emb: ArrayLike<number>, rows: number, d: number, perRowEmbedding: boolean): Float32Array {
  const a = new Float32Array(rows * (2 + d));
  for (let r = 0; r < rows; r++) {
    a[r * (2 + d)] = x[2 * r];
    a[r * (2 + d) + 1] = x[2 * r + 1];
    for (let j = 0; j < d; j++) a[r * (2 + d) + 2 + j] = emb[(perRowEmbedding ? r * d : 0) + j];
  }
  return a;
}

/** Forward pass; keeps the pre-activations and activations when `cache` is given (for backward). */
export function mlpForwardF32(params: Float32Array[], input: Float32Array, rows: number, config: MlpConfig = {}, cache?: { z: Float32Array[]; h: Float32Array[] }): Float32Array {
  const { embedDim, hidden, depth } = resolveConfig(config);
  let a = input;
  let k = 2 + embedDim;
  for (let l = 0; l < depth; l++) {
    const z = new Float32Array(rows * hidden);
    affine(a, rows, k, params[2 * l], params[2 * l + 1], hidden, z);
    const h = new Float32Array(rows * hidden);
    silu(z, h);
    cache?.z.push(z);
    cache?.h.push(h);
    a = h;
    k = hidden;
  }
  const out = new Float32Array(rows * 2);
  affine(a, rows, k, params[2 * depth], params[2 * depth + 1], 2, out);
  return out;
}

export interface AdamState {
  m: Float32Array[];
  v: Float32Array[];
  t: number;
}

export function adamState(params: Float32Array[]): AdamState {
  return { m: params.map((p) => new Float32Array(p.length)), v: params.map((p) => new Float32Array(p.length)), t: 0 };
}

/** Mean squared error of the output against `target` and its gradient for every parameter (backpropagation). */
export function mlpGradientsF32(params: Float32Array[], input: Float32Array, target: ArrayLike<number>, rows: number, config: MlpConfig = {}): { loss: number; grads: Float32Array[] } {
  const { embedDim, hidden, depth } = resolveConfig(config);
  const cache = { z: [] as Float32Array[], h: [] as Float32Array[] };
  const out = mlpForwardF32(params, input, rows, config, cache);
  const grads = params.map((p) => new Float32Array(p.length));
  let loss = 0;
  let delta = new Float32Array(rows * 2);
  const scale = 2 / (rows * 2);
  for (let i = 0; i < out.length; i++) {
    const d = out[i] - target[i];
    loss += d * d;
    delta[i] = scale * d;
  }
  loss /= out.length;
  let width = 2;
  for (let l = depth; l >= 0; l--) {
    const a = l === 0 ? input : cache.h[l - 1];
    const k = l === 0 ? 2 + embedDim : hidden;
    const gw = grads[2 * l];
    const gb = grads[2 * l + 1];
    const w = params[2 * l];
    for (let r = 0; r < rows; r++) {
      for (let j = 0; j < width; j++) {
        const dj = delta[r * width + j];
        if (dj === 0) continue;
        gb[j] += dj;
        for (let i = 0; i < k; i++) gw[i * width + j] += a[r * k + i] * dj;
      }
    }
    if (l === 0) break;
    const z = cache.z[l - 1];
    const next = new Float32Array(rows * k);
    for (let r = 0; r < rows; r++) {
      for (let i = 0; i < k; i++) {
        let s = 0;
        const wr = i * width;
        for (let j = 0; j < width; j++) s += w[wr + j] * delta[r * width + j];
        const zi = z[r * k + i];
        const sig = 1 / (1 + Math.exp(-zi));
        next[r * k + i] = s * sig * (1 + zi * (1 - sig));
      }
    }
    delta = next;
    width = k;
  }
  return { loss, grads };
}

/** Adam (Kingma & Ba 2015, Algorithm 1; β₁ = 0.9, β₂ = 0.999, ε = 1e-7 as tfjs), in place. */
export function adamUpdateF32(params: Float32Array[], grads: Float32Array[], state: AdamState, lr: number): void {
  state.t++;
  const b1 = 0.9;
  const b2 = 0.999;
  const c1 = 1 - b1 ** state.t;
  const c2 = 1 - b2 ** state.t;
  params.forEach((p, q) => {
    const g = grads[q];
    const m = state.m[q];
    const v = state.v[q];
    for (let i = 0; i < p.length; i++) {
      m[i] = b1 * m[i] + (1 - b1) * g[i];
      v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
      p[i] -= (lr * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + 1e-7);
    }
  });
}

/** One training step: gradients, then Adam. Returns the loss before the update. */
export function mlpTrainStepF32(params: Float32Array[], state: AdamState, input: Float32Array, target: ArrayLike<number>, rows: number, lr: number, config: MlpConfig = {}): number {
  const { loss, grads } = mlpGradientsF32(params, input, target, rows, config);
  adamUpdateF32(params, grads, state, lr);
  return loss;
}
