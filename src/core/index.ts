/**
 * Public surface of the math core: pure TypeScript, float64 unless stated, no DOM, no tfjs.
 * Outside checks can import from here.
 */

// Schedules and notation (chapter "Notation and the forward process")
export { betaSchedule, BETA_SCHEDULES, parseBetaScheduleName, linspace, cosineAlphaBar } from './schedule/betas.ts';
export type { BetaScheduleName, BetaScheduleOptions } from './schedule/betas.ts';
export { alphasFromBetas, snr } from './schedule/alphas.ts';
export { forwardSample, forwardMoments } from './forward.ts';

// Randomness and statistics
export { mulberry32, uniform, randint, randn } from './rng.ts';
export type { Rng } from './rng.ts';
export { meanVariance } from './stats.ts';

// ── Schedulers: a port of diffusers' DDIMScheduler and DDPMScheduler (chapter "diffusers' DDIM step, line by line") ──
// float32-faithful by default (schedulePrecision "float32"), strict input checks by default (strict: true).
export { DDIMScheduler } from './scheduler/ddim.ts';
export type { DDIMStepOptions, SchedulerOutput } from './scheduler/ddim.ts';
export { DDPMScheduler } from './scheduler/ddpm.ts';
export type { DDPMStepOptions, CustomTimestepsOptions } from './scheduler/ddpm.ts';
export { parseSchedulerConfig, parseDDPMConfig, DEFAULT_CONFIG as DEFAULT_SCHEDULER_CONFIG, PREDICTION_TYPES, VARIANCE_TYPES, DIFFUSERS_NAMES } from './scheduler/config.ts';
export type { SchedulerConfig, DDPMSchedulerConfig, ResolvedConfig, ResolvedDDPMConfig, PredictionType, VarianceType } from './scheduler/config.ts';
export { fromDiffusersConfig, toDiffusersConfig } from './scheduler/config-json.ts';
export { SchedulerInputError, SchedulerConfigError, SchedulerStepError } from './scheduler/errors.ts';
export { tensor, tensorLike } from './scheduler/tensor.ts';
export type { Tensor, TensorData } from './scheduler/tensor.ts';
export type { ArrayOps, Coef } from './scheduler/ops.ts';
export { float32Ops, float64Ops, opsFor } from './scheduler/typed-ops.ts';
export { F32, F64, scalarMath } from './scheduler/scalar.ts';
export type { Precision, ScalarMath } from './scheduler/scalar.ts';
export { inferenceTimesteps, ddimPrevTimestep, nextScheduleEntry, prevMismatches, TIMESTEP_SPACINGS } from './scheduler/timesteps.ts';
export type { TimestepSpacing } from './scheduler/timesteps.ts';
export { rint, arangeFloat, linspaceFloat } from './scheduler/numpy.ts';
export { torchLinspaceFloat32 } from './scheduler/torch-linspace.ts';
export { diffusersBetas32, betas64, cumprodAlphas, rescaleZeroTerminalSnr } from './scheduler/betas32.ts';
export { ddimStepCore, ddimCoefficients, ddimVariance } from './scheduler/ddim-step.ts';
export type { DdimCoefficients, DdimStepTrace } from './scheduler/ddim-step.ts';
export { ddpmStepCore, ddpmCoefficients, ddpmVariance } from './scheduler/ddpm-step.ts';
export type { DdpmCoefficients, DdpmStepTrace } from './scheduler/ddpm-step.ts';
export { invertDdimStep, inversionConditionNumber } from './scheduler/invert.ts';

// ── Pipeline: a port of diffusers' DDIMPipeline (chapter "diffusers' DDIMPipeline, line by line") ──
export { DDIMPipeline, PipelineCancelled, MAX_BATCH_SIZE as PIPELINE_MAX_BATCH_SIZE } from './pipeline/ddim-pipeline.ts';
export type { Denoiser, DDIMPipelineParts, DDIMPipelineCallOptions, DDIMPipelineOutput, PipelineStep } from './pipeline/ddim-pipeline.ts';
export { randnTensor } from './pipeline/randn-tensor.ts';
export type { Generators } from './pipeline/randn-tensor.ts';
export { OUTPUT_TYPES, roundHalfEven, toUnitRange, toChannelsLast } from './pipeline/output.ts';
export { ddimConfigFrom, DDIM_INIT_KEYS, DDPM_INIT_KEYS } from './scheduler/from-config.ts';
export type { ConfigConversion, DroppedKey, SourceClass } from './scheduler/from-config.ts';

// ── The source notes' sampler: each of its three formula errata switchable (chapters "Errata", "The toy 2D lab") ──
export { notesStep, notesPlan, notesUpdate, notesMarginals, usesNotes, NOTES_FLAGS, NOTES_ERRATUM, PAPER_FORMULAS, NOTES_AS_WRITTEN } from './ddim/notes-formulas.ts';
export type { NotesFormulas, NotesFlag, NotesStepInput, NotesStepResult, NotesMove, NotesPlan, NoRealValue, NotesMarginal } from './ddim/notes-formulas.ts';
export { movesAlong, movesFrom } from './sampling/notes-moves.ts';
