/**
 * Numbers for the prose about "formula: the source notes" (toy-lab and experiments chapters),
 * computed at build time from src/core/ddim/notes-formulas.ts: at the Lemma 1 widget's defaults
 * (x_0 = (0.6, −0.3), τ quadratic with S = 10, η = 0.5), the exact variance of q(x_t | x_0) under each
 * erratum alone and together, relative to Lemma 1's 1 − α_t (linear-Gaussian recursion, no sampling),
 * and the step where the notes' formula stops having a real value. scripts/notes-marginal.ts prints
 * the same numbers with the widget's Monte Carlo z-statistics.
 */
import { NOTES_AS_WRITTEN, notesMarginals, notesPlan, type NotesFormulas } from '../../core/ddim/notes-formulas.ts';
import { labAlpha, movesAlong, movesFrom } from '../../core/sampling/notes-moves.ts';
import { makeTau } from '../../core/sampling/tau.ts';
import { inferenceTimesteps } from '../../core/scheduler/timesteps.ts';
import { formatNumber } from '../../i18n/format.ts';

const X0 = [0.6, -0.3];
const ETA = 0.5;

/** Var[x_t | x_0]/(1 − α_t) at the last checked step (α < 1) of the run, and that step. */
function lastRatio(formulas: NotesFormulas) {
  const tau = makeTau('quadratic', 10, { T: 1000 });
  const moves = movesAlong(tau, ETA, { precision: 'float64' });
  const plan = notesPlan(moves, formulas);
  const m = notesMarginals(X0, moves[0].alphaT, tau[0], plan).filter((x) => x.alpha < 1);
  const last = m[m.length - 1];
  return { t: last.timestep, ratio: last.variance / (1 - last.alpha), noRealValue: plan.noRealValue };
}

export function notesLemmaFacts() {
  const noise = lastRatio({ noiseSquared: true });
  const eta = lastRatio({ etaOnVariance: true });
  const jump = lastRatio({ oneStepSigma: true });
  const noiseEta = lastRatio({ noiseSquared: true, etaOnVariance: true });
  const all = lastRatio(NOTES_AS_WRITTEN);
  if (!all.noRealValue) throw new Error('notes-facts: the notes as written were expected to have no real value at the default τ');
  if (Math.abs(eta.ratio - 1) > 1e-9 || Math.abs(jump.ratio - 1) > 1e-9) throw new Error('notes-facts: errata 2 and 6 alone were expected to keep Lemma 1');
  const f = (x: number) => formatNumber(x, 2);
  return {
    eta: ETA,
    t: noise.t,
    noise: f(noise.ratio),
    noiseEta: f(noiseEta.ratio),
    allT: all.t,
    all: f(all.ratio),
    badT: all.noRealValue.timestep,
    badPrev: all.noRealValue.prevTimestep,
  };
}

/** The first step without a real value of a 50-step run (diffusers' "leading" spacing) with the notes' one-step σ at η = 1. */
export function notesSamplerFacts() {
  const ts = inferenceTimesteps(50, { numTrainTimesteps: 1000, timestepSpacing: 'leading', stepsOffset: 0 });
  // diffusers' DDIM step goes to t − T // S.
  const bad = notesPlan(movesFrom(ts, ts.map((t) => t - 20), 1, labAlpha()), { oneStepSigma: true }).noRealValue;
  if (!bad) throw new Error('notes-facts: the 50-step run was expected to have a step without a real value');
  return { t: bad.timestep, prev: bad.prevTimestep };
}
