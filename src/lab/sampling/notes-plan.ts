/**
 * Sampling plans with the source notes' formulas (src/core/ddim/notes-formulas.ts), for the 2D lab.
 * The scheduler port (src/core/scheduler/) stays diffusers' and has no "notes" mode: these plans take
 * the same timesteps and ᾱ as the paper's plans (scheduler-plan.ts), let `notesPlan` decide each
 * step's σ², noise scale and 1 − α_prev − σ², and run the scheduler's own step body (`ddimStepCore`,
 * on tensors) with those numbers in place of eq. 16's. With every switch off the result is the
 * paper's plan up to float32 rounding of the coefficients.
 *
 * A step whose update has no real value (1 − α_prev − σ² < 0) ends the plan: `steps` holds the steps
 * before it and `noRealValue` names it, so a widget can say so and draw nothing for it.
 */
import * as tf from '@tensorflow/tfjs-core';
import { notesPlan, type NoRealValue, type NotesFormulas, type NotesMove } from '../../core/ddim/notes-formulas.ts';
import { movesFrom, labAlpha } from '../../core/sampling/notes-moves.ts';
import { DDIMScheduler } from '../../core/scheduler/ddim.ts';
import { ddimStepCore, type DdimCoefficients } from '../../core/scheduler/ddim-step.ts';
import { scalarMath } from '../../core/scheduler/scalar.ts';
import type { BetaScheduleName } from '../../core/schedule/betas.ts';
import type { PredictionType } from '../../core/nn/prediction.ts';
import { labSchedulerConfig } from '../../core/sampling/lab-config.ts';
import { tensorOps } from '../scheduler-ops.ts';
import { LAB_STEP_OPTIONS } from './scheduler-plan.ts';
import type { SamplingPlan } from './plan.ts';

export interface NotesPlanOptions {
  betaSchedule?: BetaScheduleName;
  /** η (σ² = η² σ(1)² in the paper, η σ(1)² under `etaOnVariance`). Default 0. */
  eta?: number;
  predictionType?: PredictionType;
  /** Which of the notes' formulas to use. Default: none (the paper). */
  formulas?: NotesFormulas;
}

export interface NotesSamplingPlan extends SamplingPlan {
  /** The step the plan stops before, or null when every step has a real value. */
  noRealValue: NoRealValue | null;
}

const S = scalarMath('float32');

function planFromMoves(moves: NotesMove[], { predictionType = 'epsilon', formulas = {} }: NotesPlanOptions): NotesSamplingPlan {
  const plan = notesPlan(moves, formulas);
  const coefficients: DdimCoefficients[] = plan.steps.map((s) => ({
    timestep: s.timestep,
    prevTimestep: s.prevTimestep,
    alphaProdT: s.step.alphaT,
    alphaProdTPrev: s.step.alphaPrev,
    betaProdT: S.sub(1, s.step.alphaT),
    variance: s.sigma2,
    // The scale of the fresh noise (σ, or the notes' σ²) and 1 − α_prev − σ², from the core.
    stdDevT: s.noiseScale,
    directionCoeffSquared: s.step.directionVariance!,
  }));
  return {
    steps: plan.steps.map((s) => ({ timestep: s.timestep, prevTimestep: s.prevTimestep, alphaBar: s.step.alphaT, alphaBarPrev: s.step.alphaPrev, sigma: s.noiseScale })),
    predictionType,
    stochastic: plan.steps.some((s) => s.noiseScale > 0),
    noRealValue: plan.noRealValue,
    step: (i, modelOutput, sample, noise) =>
      tf.tidy(() => {
        const c = coefficients[i];
        const r = ddimStepCore(tensorOps, S, c, modelOutput, sample, {
          predictionType,
          ...LAB_STEP_OPTIONS,
          // ddimStepCore adds `stdDevT · z` when its η > 0; the noise scale is already in stdDevT.
          eta: c.stdDevT > 0 ? 1 : 0,
          varianceNoise: c.stdDevT > 0 ? (noise ?? undefined) : undefined,
        });
        return { prevSample: r.prevSample, predOriginalSample: r.predOriginalSample === modelOutput ? tf.clone(modelOutput) : r.predOriginalSample };
      }),
  };
}

/**
 * The notes' counterpart of `buildPlan` (η variance, DDIMScheduler's timesteps and previous
 * timesteps, quirks included) for S = `numInferenceSteps`.
 */
export function buildNotesPlan(
  { betaSchedule = 'linear', timestepSpacing = 'leading', numInferenceSteps, eta = 0, ...rest }: NotesPlanOptions & { timestepSpacing?: 'leading' | 'trailing' | 'linspace'; numInferenceSteps: number },
): NotesSamplingPlan {
  const ddim = new DDIMScheduler({ ...labSchedulerConfig(betaSchedule, rest.predictionType ?? 'epsilon'), timestepSpacing });
  ddim.setTimesteps(numInferenceSteps);
  const ts = ddim.timesteps;
  const prevs = ts.map((t) => ddim.coefficients(t, eta).prevTimestep);
  return planFromMoves(movesFrom(ts, prevs, eta, labAlpha({ betaSchedule })), { eta, ...rest });
}

/** The notes' counterpart of `buildPlanAlong` (descending τ, the last step landing on ᾱ = 1). */
export function buildNotesPlanAlong(tau: readonly number[], { betaSchedule = 'linear', eta = 0, ...rest }: NotesPlanOptions = {}): NotesSamplingPlan {
  const prevs = tau.map((_, i) => (i + 1 < tau.length ? tau[i + 1] : -1));
  return planFromMoves(movesFrom(tau, prevs, eta, labAlpha({ betaSchedule })), { eta, ...rest });
}

