/**
 * The moves of a sampling run in the terms of src/core/ddim/notes-formulas.ts, from the lab's
 * scheduler: each step's timestep, the timestep it lands on, α at both, and α one training step
 * below the start (the notes' one-step σ_t, errata item 6). Timesteps are diffusers' 0-based ones;
 * −1 is past the last step (α = the final ᾱ, 1 in the lab).
 */
import type { BetaScheduleName } from '../schedule/betas.ts';
import type { NotesMove } from '../ddim/notes-formulas.ts';
import { DDIMScheduler } from '../scheduler/ddim.ts';
import { labSchedulerConfig } from './lab-config.ts';

export interface MovesOptions {
  betaSchedule?: BetaScheduleName;
  /** ᾱ in "float32" (as the lab's tfjs plans; default) or "float64" (the float64 references). */
  precision?: 'float32' | 'float64';
}

/** ᾱ at a 0-based timestep of the lab's schedule (the final ᾱ for t < 0). */
export function labAlpha({ betaSchedule = 'linear', precision = 'float32' }: MovesOptions = {}): (t: number) => number {
  const ddim = new DDIMScheduler({ ...labSchedulerConfig(betaSchedule, 'epsilon'), schedulePrecision: precision });
  return (t) => (t >= 0 ? ddim.alphaProd(t) : ddim.finalAlphaCumprod);
}

/** One move per timestep: from timesteps[i] to prevs[i]. */
export function movesFrom(timesteps: readonly number[], prevs: readonly number[], eta: number, alpha: (t: number) => number): NotesMove[] {
  return timesteps.map((t, i) => ({ timestep: t, prevTimestep: prevs[i], alphaT: alpha(t), alphaPrev: alpha(prevs[i]), alphaOneStep: alpha(t - 1), eta }));
}

/** The moves along a descending τ whose last step lands past timestep 0 (α = 1), like the Lemma 1 check's. */
export function movesAlong(tau: readonly number[], eta: number, options: MovesOptions = {}): NotesMove[] {
  return movesFrom(tau, tau.map((_, i) => (i + 1 < tau.length ? tau[i + 1] : -1)), eta, labAlpha(options));
}
