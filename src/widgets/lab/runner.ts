/**
 * One sampling run of the lab, from widget parameters to samples: resolves the data, builds the
 * denoiser (exact mixture, memorising empirical, or MLP) and the scheduler plan, draws the seeded
 * noise and runs src/lab/sampling/sample-loop.ts.
 */
import type { BetaScheduleName } from '../../core/schedule/betas.ts';
import type { PredictionType } from '../../core/nn/prediction.ts';
import { mixtureDenoiser } from '../../lab/denoisers/mixture.ts';
import { mlpDenoiser } from '../../lab/denoisers/mlp.ts';
import type { TensorDenoiser } from '../../lab/denoisers/types.ts';
import { sampleLoop, type SampleLoopResult } from '../../lab/sampling/sample-loop.ts';
import { buildPlan } from '../../lab/sampling/scheduler-plan.ts';
import { buildNotesPlan } from '../../lab/sampling/notes-plan.ts';
import type { NoRealValue, NotesFormulas } from '../../core/ddim/notes-formulas.ts';
import type { SamplingPlan } from '../../lab/sampling/plan.ts';
import { labAlphasCumprod } from '../../lab/schedule.ts';
import { dataSource, type DataSource, type LabDataset } from './data-source.ts';
import { weightsFor } from './models.ts';
import { createMlp } from '../../lab/mlp/model.ts';
import { initialNoise, stepNoise } from './noise.ts';
import type { DenoiserKind } from './common-params.ts';
import { yieldIfDue } from './yield.ts';

export interface RunSpec {
  dataset: LabDataset;
  denoiser: DenoiserKind;
  steps: number;
  eta: number;
  variance: 'eta' | 'sigmaHat';
  schedule: BetaScheduleName;
  spacing: 'leading' | 'trailing' | 'linspace';
  prediction: PredictionType;
  n: number;
  seed: number;
  /** The source notes' formulas (src/core/ddim/notes-formulas.ts) instead of the paper's; η variance only. Default none. */
  formulas?: NotesFormulas | null;
}

export class MissingDataError extends Error {}

/** The run has a step whose update has no real value under the notes' formulas; nothing was sampled. */
export class NoRealValueError extends Error {
  constructor(readonly step: NoRealValue) {
    super(`no real value at t = ${step.timestep} → ${step.prevTimestep}`);
  }
}
import { MissingModelError } from './models.ts';
export { MissingModelError };

/** A denoiser for the spec; `origin` says which MLP was used. The caller disposes it. */
export async function buildDenoiser(spec: Pick<RunSpec, 'dataset' | 'denoiser' | 'seed'>, source: DataSource): Promise<{ denoiser: TensorDenoiser; origin: string }> {
  if (spec.denoiser === 'exact') return { denoiser: mixtureDenoiser(source.mixture), origin: 'exact' };
  if (spec.denoiser === 'empirical') return { denoiser: mixtureDenoiser(source.empirical), origin: 'empirical' };
  const resolved = await weightsFor(spec.dataset);
  return {
    denoiser: mlpDenoiser(createMlp(resolved.params), { trainAlphasCumprod: labAlphasCumprod(), predictionType: resolved.predictionType, ownsModel: true }),
    origin: resolved.origin,
  };
}

export function requireData(dataset: LabDataset, seed = 1): DataSource {
  const source = dataSource(dataset, { seed });
  if (!source) throw new MissingDataError('custom');
  return source;
}

/** The plan of a run: the scheduler's, or with the notes' formulas (throws NoRealValueError if a step has no real value). */
export function planFor(spec: Pick<RunSpec, 'schedule' | 'spacing' | 'steps' | 'eta' | 'variance' | 'prediction' | 'formulas'>): SamplingPlan {
  if (spec.formulas) {
    if (spec.variance !== 'eta') throw new RangeError('the source notes’ formulas need the η variance');
    const plan = buildNotesPlan({ betaSchedule: spec.schedule, timestepSpacing: spec.spacing, numInferenceSteps: spec.steps, eta: spec.eta, predictionType: spec.prediction, formulas: spec.formulas });
    if (plan.noRealValue) throw new NoRealValueError(plan.noRealValue);
    return plan;
  }
  return buildPlan({
    betaSchedule: spec.schedule,
    timestepSpacing: spec.spacing,
    numInferenceSteps: spec.steps,
    eta: spec.eta,
    variance: spec.variance,
    predictionType: spec.prediction,
  });
}

export interface RunOptions {
  track?: readonly number[];
  recordX0At?: readonly number[];
  traceX0?: number;
  isCancelled?: () => boolean;
  /** Start from this x_T instead of the seeded one. */
  xT?: ArrayLike<number>;
  onStep?: (i: number) => void;
}

export interface RunOutput extends SampleLoopResult {
  source: DataSource;
  plan: SamplingPlan;
  origin: string;
}

export async function runSampler(spec: RunSpec, options: RunOptions = {}): Promise<RunOutput> {
  const source = requireData(spec.dataset, spec.seed);
  const plan = planFor(spec);
  const { denoiser, origin } = await buildDenoiser(spec, source);
  try {
    const result = await sampleLoop({
      plan,
      denoiser,
      xT: options.xT ?? initialNoise(spec.seed, spec.n),
      noiseAt: (i) => stepNoise(spec.seed, i, spec.n),
      track: options.track,
      recordX0At: options.recordX0At,
      traceX0: options.traceX0,
      isCancelled: options.isCancelled,
      onStep: options.onStep,
      // Checked after every step; yields only once SLICE_MS of work has run (no long task).
      yieldFn: yieldIfDue,
      yieldEvery: 1,
    });
    return { ...result, source, plan, origin };
  } finally {
    denoiser.dispose();
  }
}

/** What a failed lab run tells the reader: add points, train a model, or the error itself. */
export function runErrorMessage(error: unknown, tr: (key: 'lab.needPoints' | 'lab.needModel') => string): string {
  if (error instanceof MissingDataError) return tr('lab.needPoints');
  if (error instanceof MissingModelError) return tr('lab.needModel');
  return error instanceof Error ? error.message : String(error);
}
