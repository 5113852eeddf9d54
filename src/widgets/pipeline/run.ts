/**
 * The pipeline widget's run, without the DOM: widget values → source scheduler → DDIMPipeline
 * (src/core/pipeline) with the 2D data's exact or memorising ε* as the model. The loop, the
 * conversion and the output transform are the port's; this file only wires them.
 */
import { datasetMixture, sampleDataset, type DatasetName } from '../../core/data/datasets.ts';
import { empiricalMixture, type Mixture2D } from '../../core/data/mixture.ts';
import { mixtureEpsilon } from '../../core/denoise/mixture-eps.ts';
import { DDIMPipeline, type DDIMPipelineOutput } from '../../core/pipeline/ddim-pipeline.ts';
import { mulberry32, type Rng } from '../../core/rng.ts';
import { sourceScheduler } from './setup-check.ts';
import type { TimestepSpacing } from '../../core/scheduler/timesteps.ts';
import { tensor, type Tensor } from '../../core/scheduler/tensor.ts';

/** Size of the training set the memorising denoiser memorises (as in the lab, src/widgets/lab/data-source.ts). */
export const PIPELINE_EMPIRICAL_SIZE = 256;

export interface PipelineValues {
  dataset: DatasetName;
  denoiser: 'exact' | 'empirical';
  source: 'ddim' | 'ddpm';
  spacing: TimestepSpacing;
  offset: number;
  steps: number;
  eta: number;
  clip: boolean;
  batch: number;
  generators: 'one' | 'perItem';
  seed: number;
  output: 'pil' | 'np';
  scale: number;
}

/** The training set of a dataset (the same draw as the lab's, seed 1), times `scale`. */
export function trainingPoints(dataset: DatasetName, scale = 1): Float64Array {
  return sampleDataset(dataset, mulberry32(1 ^ 0x5bd1e995), PIPELINE_EMPIRICAL_SIZE).map((x) => scale * x);
}

/**
 * The data density scaled by `scale`: the built-in datasets lie inside [−1, 1]² as diffusers
 * expects; scale > 1 stands for data that was not normalised, whose samples the output clamp cuts.
 */
export function scaledMixture(mix: Mixture2D, scale: number): Mixture2D {
  return { weights: mix.weights, means: mix.means.map((m) => scale * m), variances: mix.variances.map((v) => scale * scale * v) };
}

/** The model: ε*(x_t) of the data density (exact) or of the training set (memorising), in float32 like a unet. */
export function mixtureModel(mix: Mixture2D, alphasCumprod: ArrayLike<number>) {
  return (x: Tensor, t: number): Tensor => tensor(Float32Array.from(mixtureEpsilon(mix, x.data, alphasCumprod[t])), x.shape);
}

/** One generator, or one per item with seeds seed, seed + 1, … (the seeds wrap at 2³²). */
export function generatorsFor(v: Pick<PipelineValues, 'generators' | 'seed' | 'batch'>): { generator: Rng | Rng[]; seeds: number[] } {
  if (v.generators === 'one') return { generator: mulberry32(v.seed), seeds: [v.seed] };
  const seeds = Array.from({ length: v.batch }, (_, b) => (v.seed + b) >>> 0);
  return { generator: seeds.map(mulberry32), seeds };
}

export function buildPipeline(v: PipelineValues): DDIMPipeline {
  const mix = v.denoiser === 'exact' ? scaledMixture(datasetMixture(v.dataset), v.scale) : empiricalMixture(trainingPoints(v.dataset, v.scale));
  const source = sourceScheduler(v);
  return new DDIMPipeline({ denoiser: mixtureModel(mix, source.alphasCumprod), scheduler: source, sampleShape: [2] });
}

export interface PipelineRun {
  pipe: DDIMPipeline;
  out: DDIMPipelineOutput;
  seeds: number[];
}

export async function runPipeline(v: PipelineValues, hooks: { onStep?: (done: number, total: number) => void | Promise<void>; signal?: { readonly aborted: boolean } } = {}): Promise<PipelineRun> {
  const pipe = buildPipeline(v);
  const { generator, seeds } = generatorsFor(v);
  const out = await pipe.call({ batchSize: v.batch, generator, eta: v.eta, numInferenceSteps: v.steps, outputType: v.output, ...hooks });
  return { pipe, out, seeds };
}
