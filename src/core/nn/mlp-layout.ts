/**
 * The lab's ε-model: an MLP from (x ∈ R², a d-dim sinusoidal embedding of t) through `depth` hidden
 * layers of `hidden` SiLU units to R². Default 2 + 16 → 128 × 3 → 2 (35,714 parameters).
 *
 * Parameters are listed in a fixed order (w0, b0, w1, b1, …); weights are [fan_in, fan_out]
 * row-major, so a layer is y = x·W + b. Both the tfjs model (src/lab/mlp/) and the plain
 * Float32Array baseline (mlp-f32.ts) read this layout; checkpoints store the arrays in this order.
 */
import { uniform, type Rng } from '../rng.ts';

export interface MlpConfig {
  /** Width of the sinusoidal time embedding. Default 16. */
  embedDim?: number;
  /** Units per hidden layer. Default 128. */
  hidden?: number;
  /** Number of hidden layers. Default 3. */
  depth?: number;
}

export interface ParamSpec {
  name: string;
  shape: number[];
}

export function resolveConfig({ embedDim = 16, hidden = 128, depth = 3 }: MlpConfig = {}): Required<MlpConfig> {
  return { embedDim, hidden, depth };
}

/** Names and shapes of the parameters, in storage order. */
export function mlpLayout(config: MlpConfig = {}): ParamSpec[] {
  const { embedDim, hidden, depth } = resolveConfig(config);
  const out: ParamSpec[] = [];
  let fanIn = 2 + embedDim;
  for (let l = 0; l < depth; l++) {
    out.push({ name: `w${l}`, shape: [fanIn, hidden] }, { name: `b${l}`, shape: [hidden] });
    fanIn = hidden;
  }
  out.push({ name: `w${depth}`, shape: [fanIn, 2] }, { name: `b${depth}`, shape: [2] });
  return out;
}

export function parameterCount(config: MlpConfig = {}): number {
  return mlpLayout(config).reduce((s, p) => s + p.shape.reduce((a, b) => a * b, 1), 0);
}

/**
 * Seeded initial parameters: U(−1/√fan_in, 1/√fan_in) for weights and biases alike (PyTorch's
 * default for nn.Linear), except the output layer, which starts at a tenth of that scale.
 */
export function initMlpParams(rng: Rng, config: MlpConfig = {}): Float32Array[] {
  const layout = mlpLayout(config);
  return layout.map(({ name, shape }, i) => {
    const fanIn = name.startsWith('w') ? shape[0] : layout[i - 1].shape[0];
    const last = i >= layout.length - 2;
    const bound = (last ? 0.1 : 1) / Math.sqrt(fanIn);
    const size = shape.reduce((a, b) => a * b, 1);
    const out = new Float32Array(size);
    for (let j = 0; j < size; j++) out[j] = uniform(rng, -bound, bound);
    return out;
  });
}

/** SiLU(x) = x·σ(x) (Elfwing et al. 2018; "swish"). */
export function silu(x: number): number {
  return x / (1 + Math.exp(-x));
}
