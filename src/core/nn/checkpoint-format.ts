/**
 * Checkpoint files of the lab's MLP: a small JSON manifest and one binary file of little-endian
 * float32 values, the parameters concatenated in layout order (see mlp-layout.ts).
 * Reading validates everything against the layout; nothing in a manifest is evaluated.
 */
import { mlpLayout, resolveConfig, type MlpConfig } from './mlp-layout.ts';

export const CHECKPOINT_FORMAT = 'ddim-lab-mlp/1';

export interface CheckpointManifest {
  format: typeof CHECKPOINT_FORMAT;
  /** Dataset the model was trained on. */
  dataset: string;
  config: Required<MlpConfig>;
  /** What the model predicts (diffusers `prediction_type`). */
  predictionType: 'epsilon' | 'sample' | 'v_prediction';
  /** The training noise schedule (diffusers config names). */
  schedule: { betaSchedule: string; numTrainTimesteps: number; betaStart: number; betaEnd: number };
  /** How it was trained: enough to reproduce it. */
  training: { seed: number; steps: number; batchSize: number; learningRate: number; backend: string; seconds: number; finalLoss: number };
  /** Byte offset and element count of each parameter in the binary file. */
  tensors: { name: string; shape: number[]; offset: number; length: number }[];
}

/** Pack parameters into the binary layout and describe them. */
export function encodeCheckpoint(params: Float32Array[], meta: Omit<CheckpointManifest, 'format' | 'tensors' | 'config'> & { config?: MlpConfig }): { manifest: CheckpointManifest; bytes: Uint8Array } {
  const layout = mlpLayout(meta.config);
  if (params.length !== layout.length) throw new RangeError(`expected ${layout.length} parameter arrays, got ${params.length}`);
  let offset = 0;
  const tensors = layout.map(({ name, shape }, i) => {
    const length = shape.reduce((a, b) => a * b, 1);
    if (params[i].length !== length) throw new RangeError(`${name}: expected ${length} values, got ${params[i].length}`);
    const entry = { name, shape, offset, length };
    offset += 4 * length;
    return entry;
  });
  const bytes = new Uint8Array(offset);
  const view = new DataView(bytes.buffer);
  tensors.forEach(({ offset: o, length }, i) => {
    for (let j = 0; j < length; j++) view.setFloat32(o + 4 * j, params[i][j], true);
  });
  const manifest: CheckpointManifest = { ...meta, format: CHECKPOINT_FORMAT, config: resolveConfig(meta.config), tensors };
  return { manifest, bytes };
}

/** Check a manifest against the layout and unpack the binary file. Throws with a precise message. */
export function decodeCheckpoint(manifest: unknown, buffer: ArrayBuffer): { manifest: CheckpointManifest; params: Float32Array[] } {
  const m = manifest as CheckpointManifest;
  if (!m || typeof m !== 'object' || m.format !== CHECKPOINT_FORMAT) throw new Error(`not a lab checkpoint (format should be "${CHECKPOINT_FORMAT}")`);
  const layout = mlpLayout(m.config);
  if (!Array.isArray(m.tensors) || m.tensors.length !== layout.length) throw new Error(`checkpoint lists ${m.tensors?.length} tensors, the model has ${layout.length}`);
  const view = new DataView(buffer);
  const params = layout.map(({ name, shape }, i) => {
    const t = m.tensors[i];
    const length = shape.reduce((a, b) => a * b, 1);
    if (t.name !== name || t.length !== length || t.shape.join('x') !== shape.join('x')) throw new Error(`checkpoint tensor ${i} is ${t.name} ${t.shape?.join('×')}, expected ${name} ${shape.join('×')}`);
    if (!Number.isInteger(t.offset) || t.offset < 0 || t.offset + 4 * length > buffer.byteLength) throw new Error(`checkpoint tensor ${name} lies outside the ${buffer.byteLength}-byte file`);
    const out = new Float32Array(length);
    for (let j = 0; j < length; j++) out[j] = view.getFloat32(t.offset + 4 * j, true);
    if (!out.every(Number.isFinite)) throw new Error(`checkpoint tensor ${name} holds a non-finite value`);
    return out;
  });
  return { manifest: m, params };
}
