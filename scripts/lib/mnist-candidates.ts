/**
 * Candidate ε-models for MNIST, only to time a training step (scripts/mnist-cost.ts): plain tfjs
 * variables and functional ops, NHWC, SiLU, a sinusoidal time embedding (128) through a dense layer.
 * Not the site's model: the chosen architecture will live in src/lab with its layout in src/core.
 *
 * - mlp(width, blocks): 784 → width, `blocks` residual blocks h + W₂ SiLU(W₁ SiLU(h + e(t))), → 784.
 * - unet(conv): 28² (c) → 14² (2c) → 7² (2c) → back up with skips, two 3 × 3 convolutions per level,
 *   c = 32, average pooling down and nearest-neighbour up. `conv` chooses how a 3 × 3 convolution runs:
 *   "conv2d" (tf.conv2d: wasm has no Conv2DBackpropFilter), "conv3d" (tf.conv3d with depth 1, whose
 *   filter gradient wasm has as Conv3DBackpropFilterV2) or "im2col" (9 shifted slices, one matMul).
 * "T-grad": matrix products whose gradient transposes explicitly (matMulT below).
 */
import { tf } from './tf-node.ts';
import { randn, type Rng } from '../../src/core/rng.ts';

export interface CandidateModel {
  apply(x: tf.Tensor, t: tf.Tensor): tf.Tensor;
  variables: tf.Variable[];
  paramCount: number;
  dispose(): void;
}
export interface Candidate {
  name: string;
  build(rng: Rng): CandidateModel;
  /** Batch size if not the table's (slow models on cpu). */
  batch?: number;
  /** One timed step on cpu instead of --iters. */
  slow?: boolean;
}

function params(rng: Rng) {
  const vars: tf.Variable[] = [];
  const w = (shape: number[], fanIn: number) => {
    const n = shape.reduce((a, b) => a * b, 1);
    const v = tf.variable(tf.tensor(Float32Array.from(randn(rng, n), (x) => x * Math.sqrt(2 / fanIn)), shape));
    vars.push(v);
    return v;
  };
  const b = (n: number) => {
    const v = tf.variable(tf.zeros([n]));
    vars.push(v);
    return v;
  };
  return { vars, w, b };
}

/** Sinusoidal embedding of t [B] → [B, 128] (Ho et al. 2020, Transformer positions). */
function timeEmbedding(t: tf.Tensor): tf.Tensor {
  const half = 64;
  const freqs = tf.exp(tf.mul(tf.range(0, half, 1, 'float32'), -Math.log(10_000) / half));
  const arg = tf.mul(tf.reshape(t, [-1, 1]), tf.reshape(freqs, [1, half]));
  return tf.concat([tf.sin(arg), tf.cos(arg)], 1);
}

const silu = (x: tf.Tensor) => tf.mul(x, tf.sigmoid(x));

/**
 * a·b whose gradient transposes explicitly: dA = dY·transpose(B), dB = transpose(A)·dY. tfjs's own
 * gradient calls matMul with transposeA / transposeB, which wasm runs 15–40× slower than a transpose
 * followed by a plain product ([128, 1024]·[1024, 1024]ᵀ: 169 ms against 33 ms).
 */
const matMulT = tf.customGrad((...inputs: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [a, b, save] = inputs as [tf.Tensor2D, tf.Tensor2D, tf.GradSaveFunc];
  save([a, b]);
  return {
    value: tf.matMul(a, b),
    gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
      const [sa, sb] = saved as tf.Tensor2D[];
      return [tf.matMul(dy as tf.Tensor2D, tf.transpose(sb)), tf.matMul(tf.transpose(sa), dy as tf.Tensor2D)];
    },
  };
}) as (a: tf.Tensor, b: tf.Tensor) => tf.Tensor;
const matMulBy = (fast: boolean) => (fast ? matMulT : (a: tf.Tensor, b: tf.Tensor) => tf.matMul(a as tf.Tensor2D, b as tf.Tensor2D));
const count = (vars: tf.Variable[]) => vars.reduce((n, v) => n + v.size, 0);

export function mlp(width: number, blocks: number, fastGrad = false): Candidate {
  const mm = matMulBy(fastGrad);
  return {
    name: `MLP 784→${width}, ${blocks} res. block${blocks > 1 ? 's' : ''}${fastGrad ? ', T-grad' : ''}`,
    build(rng) {
      const { vars, w, b } = params(rng);
      const dense = (fin: number, fout: number) => ({ W: w([fin, fout], fin), b: b(fout) });
      const lin = (l: { W: tf.Tensor; b: tf.Tensor }, x: tf.Tensor) => tf.add(mm(x, l.W), l.b);
      const inp = dense(784, width);
      const temb = dense(128, width);
      const bl = Array.from({ length: blocks }, () => ({ l1: dense(width, width), l2: dense(width, width) }));
      const out = dense(width, 784);
      return {
        apply(x, t) {
          const e = silu(lin(temb, timeEmbedding(t)));
          let h = tf.add(lin(inp, x), e);
          for (const { l1, l2 } of bl) h = tf.add(h, lin(l2, silu(lin(l1, silu(tf.add(h, e))))));
          return lin(out, silu(h));
        },
        variables: vars,
        paramCount: count(vars),
        dispose: () => tf.dispose(vars),
      };
    },
  };
}

type ConvKind = 'conv2d' | 'conv3d' | 'im2col' | 'im2col, T-grad';

/** A 3 × 3 'same' convolution, NHWC, filter [3, 3, cin, cout], by the chosen route. */
function conv3x3(kind: ConvKind, x: tf.Tensor4D, f: tf.Tensor, bias: tf.Tensor): tf.Tensor4D {
  const [B, H, W, C] = x.shape;
  const cout = f.shape[3]!;
  let y: tf.Tensor;
  if (kind === 'conv2d') y = tf.conv2d(x, f as tf.Tensor4D, 1, 'same');
  else if (kind === 'conv3d') {
    y = tf.reshape(tf.conv3d(tf.reshape(x, [B, 1, H, W, C]) as tf.Tensor5D, tf.reshape(f, [1, 3, 3, C, cout]) as tf.Tensor5D, 1, 'same'), [B, H, W, cout]);
  } else {
    const p = tf.pad(x, [[0, 0], [1, 1], [1, 1], [0, 0]]);
    const cols: tf.Tensor[] = [];
    for (let dy = 0; dy < 3; dy++) for (let dx = 0; dx < 3; dx++) cols.push(tf.slice(p, [0, dy, dx, 0], [B, H, W, C]));
    const mm = matMulBy(kind === 'im2col, T-grad');
    y = tf.reshape(mm(tf.reshape(tf.concat(cols, 3), [B * H * W, 9 * C]), tf.reshape(f, [9 * C, cout])), [B, H, W, cout]);
  }
  return tf.add(y, bias) as tf.Tensor4D;
}

export function unet(kind: ConvKind, c = 32): Candidate {
  return {
    name: `conv U-Net c=${c}, ${kind}`,
    batch: 32,
    slow: true,
    build(rng) {
      const { vars, w, b } = params(rng);
      const conv = (cin: number, cout: number) => ({ f: w([3, 3, cin, cout], 9 * cin), b: b(cout) });
      const dense = (fin: number, fout: number) => ({ W: w([fin, fout], fin), b: b(fout) });
      const run = (l: { f: tf.Tensor; b: tf.Tensor }, x: tf.Tensor4D) => conv3x3(kind, x, l.f, l.b);
      const temb = dense(128, 4 * c);
      const block = (ch: number) => ({ c1: conv(ch, ch), te: dense(4 * c, ch), c2: conv(ch, ch) });
      const L = {
        inp: conv(1, c), b1: block(c), d1: conv(c, 2 * c), b2: block(2 * c), d2: conv(2 * c, 2 * c), b3: block(2 * c),
        u2: conv(4 * c, 2 * c), b4: block(2 * c), u1: conv(3 * c, c), b5: block(c), out: conv(c, 1),
      };
      const res = (bl: ReturnType<typeof block>, h: tf.Tensor4D, e: tf.Tensor) => {
        const ch = h.shape[3];
        const g = tf.add(run(bl.c1, silu(h) as tf.Tensor4D), tf.reshape(tf.add(tf.matMul(e, bl.te.W), bl.te.b), [-1, 1, 1, ch]));
        return tf.add(h, run(bl.c2, silu(g) as tf.Tensor4D)) as tf.Tensor4D;
      };
      return {
        apply(x, t) {
          const B = x.shape[0];
          const e = silu(tf.add(tf.matMul(timeEmbedding(t), temb.W), temb.b));
          const h28 = res(L.b1, run(L.inp, tf.reshape(x, [B, 28, 28, 1])), e);
          const h14 = res(L.b2, run(L.d1, tf.avgPool(h28, 2, 2, 'valid')), e);
          const h7 = res(L.b3, run(L.d2, tf.avgPool(h14, 2, 2, 'valid')), e);
          const u14 = res(L.b4, run(L.u2, tf.concat([tf.image.resizeNearestNeighbor(h7, [14, 14]), h14], 3)), e);
          const u28 = res(L.b5, run(L.u1, tf.concat([tf.image.resizeNearestNeighbor(u14, [28, 28]), h28], 3)), e);
          return tf.reshape(run(L.out, silu(u28) as tf.Tensor4D), [B, 784]);
        },
        variables: vars,
        paramCount: count(vars),
        dispose: () => tf.dispose(vars),
      };
    },
  };
}

export const CANDIDATES: Candidate[] = [
  mlp(1024, 3), mlp(1024, 3, true), mlp(1024, 1, true), mlp(512, 3, true),
  unet('conv2d'), unet('conv3d'), unet('im2col'), unet('im2col, T-grad'),
];
