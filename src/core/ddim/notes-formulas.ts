/**
 * The sampler of the source notes (Chinese reading notes on DDIM, part 4;
 * ../shared/source-notes/ddim-notes-4.txt), with each of its three formula mistakes switchable on
 * its own, so that a reader can see which erratum does what. All switches off is the paper's step
 * (DDIM eq. 12 with σ of eq. 16, along a jump as in App. C.1): exactly `etaStep` + `ddimUpdate`.
 *
 *   the paper:  x_{t−n} = √α_{t−n} x̂_0 + √(1 − α_{t−n} − σ²) ε_θ + σ ε,
 *               σ² = η² (1 − α_{t−n})/(1 − α_t) (1 − α_t/α_{t−n})
 *   the notes:  x_{t−n} = √α_{t−n} x̂_0 + √(1 − α_{t−n} − σ_t²) z_t + σ_t² ε_t,          (line 18, formula (5))
 *               σ_t² = η (1 − α_{t−1})/(1 − α_t) (1 − α_t/α_{t−1})                        (lines 26 and 29)
 *
 * The errata chapter (content/en/errata.mdx, items 1, 2 and 6; src/core/claims/errata.ts) shows each
 * formula false on its own; this module runs them as a sampler. σ² larger than 1 − α_{t−n} (which the
 * notes' one-step σ_t reaches on the last jumps of a run) leaves the direction term without a real
 * value: the step is then reported as such (`ok: false`), never returned as NaN.
 *
 * Notation: α is DDIM's cumulative α (DDPM's ᾱ). `alphaPrev` = α_{t−n}, the jump's target;
 * `alphaOneStep` = α_{t−1}, one training step below t (equal to alphaPrev for a one-step move).
 */
import type { Vec } from '../vec.ts';
import { etaStep, type FamilyStep } from './family.ts';
import { ddpmPosteriorVariance, sigmaEta } from './sigma.ts';
import { ddimUpdate, type DdimUpdateParts } from './update.ts';
import { moveGaussian, type Conditional } from './jump.ts';

/** Which of the notes' formulas replace the paper's. Every field defaults to false (the paper). */
export interface NotesFormulas {
  /**
   * Erratum 1 (errata item 1; notes line 18, formula (5), and every line of the η = 1 chain, line 27):
   * the fresh noise is added as σ_t² ε_t instead of σ_t ε_t. Default false.
   */
  noiseSquared?: boolean;
  /**
   * Erratum 2 (errata item 2; notes line 29): σ_t² = η · (1 − α_{t−1})/(1 − α_t) · (1 − α_t/α_{t−1}),
   * η on the variance instead of η² (DDIM eq. 16, diffusers `std_dev_t = eta * variance ** 0.5`). Default false.
   */
  etaOnVariance?: boolean;
  /**
   * Erratum 6 (errata item 6; notes line 18 uses "σ_t" for the jump t → t − n, and the only σ_t
   * the notes define, lines 26 and 29, is built from α_{t−1}): on a jump, the one-step σ_t instead
   * of the jump's σ, built from α_{t−n} (DDIM App. C.1). Default false.
   */
  oneStepSigma?: boolean;
}

export const NOTES_FLAGS = ['noiseSquared', 'etaOnVariance', 'oneStepSigma'] as const;
export type NotesFlag = (typeof NOTES_FLAGS)[number];
/** The errata item of content/*\/errata.mdx that each switch shows. */
export const NOTES_ERRATUM: Record<NotesFlag, number> = { noiseSquared: 1, etaOnVariance: 2, oneStepSigma: 6 };

export const PAPER_FORMULAS: Required<NotesFormulas> = { noiseSquared: false, etaOnVariance: false, oneStepSigma: false };
/** The notes exactly as written: all three mistakes at once. */
export const NOTES_AS_WRITTEN: Required<NotesFormulas> = { noiseSquared: true, etaOnVariance: true, oneStepSigma: true };

export interface NotesStepInput {
  /** α_t at the jump's start. */
  alphaT: number;
  /** α_{t−n} at the jump's target (1 past the last step). */
  alphaPrev: number;
  /** α_{t−1}, one training step below t (1 when t is the first timestep); used by `oneStepSigma`. */
  alphaOneStep: number;
  /** η ≥ 0. */
  eta: number;
}

export type NotesStepResult =
  | {
      ok: true;
      /** σ² of the step as the chosen formulas define it. */
      sigma2: number;
      /** What multiplies the fresh noise: σ, or σ² under `noiseSquared`. */
      noiseScale: number;
      /**
       * The step for `ddimUpdate`: its `sigma` is the noise scale above and its `directionVariance`
       * is 1 − α_{t−n} − σ² (so under `noiseSquared` these are no longer one σ, as in the notes).
       */
      step: FamilyStep;
    }
  | {
      ok: false;
      sigma2: number;
      /** 1 − α_{t−n}. */
      room: number;
      /** 1 − α_{t−n} − σ² < 0: √ of it, the direction coefficient, has no real value. */
      radicand: number;
    };

/** Rounding allowance below 0 for 1 − α_{t−n} − σ² (as `directionVariance` in family.ts). */
const ROUNDING = 64 * Number.EPSILON;

/** One step (or jump) of the sampler with the chosen formulas. */
export function notesStep(input: NotesStepInput, formulas: NotesFormulas = {}): NotesStepResult {
  const f = { ...PAPER_FORMULAS, ...formulas };
  const { alphaT, alphaPrev, alphaOneStep, eta } = input;
  // Erratum 6: σ from α_{t−1} (the notes) or from the jump's own target α_{t−n} (eq. 16, App. C.1).
  const base = f.oneStepSigma ? alphaOneStep : alphaPrev;
  // Erratum 2: σ² = η · σ(1)² (the notes, line 29) or σ² = (η · σ(1))² (eq. 16).
  const sigma2 = f.etaOnVariance ? eta * ddpmPosteriorVariance(alphaT, base) : sigmaEta(eta, alphaT, base) ** 2;
  const room = 1 - alphaPrev;
  // 1 − α_{t−n} − σ²: without cancellation (etaStep) when σ is eq. 16's for this jump with an η' ≤ 1
  // (η' = √η under erratum 2, since η σ(1)² = (√η σ(1))²); otherwise by subtraction.
  const etaOnSigma = f.etaOnVariance ? Math.sqrt(eta) : eta;
  const exact = !f.oneStepSigma && etaOnSigma <= 1 ? etaStep(etaOnSigma, alphaT, alphaPrev) : null;
  let left = exact?.directionVariance ?? room - sigma2;
  if (left < 0) {
    if (left <= -ROUNDING) return { ok: false, sigma2, room, radicand: left };
    left = 0;
  }
  const sigma = exact && !f.etaOnVariance ? exact.sigma : Math.sqrt(sigma2);
  // Erratum 1: the noise scaled by σ² (the notes, line 18) or by σ (eq. 12).
  const noiseScale = f.noiseSquared ? sigma2 : sigma;
  return { ok: true, sigma2, noiseScale, step: { alphaT, alphaPrev, sigma: noiseScale, directionVariance: left } };
}

/** One move of a sampling run: the timesteps (for naming the step) and its α values and η. */
export interface NotesMove extends NotesStepInput {
  timestep: number;
  prevTimestep: number;
}

/** The first step of a run whose update has no real value under the chosen formulas. */
export interface NoRealValue {
  /** Index of the step in the run. */
  index: number;
  timestep: number;
  prevTimestep: number;
  sigma2: number;
  room: number;
  radicand: number;
}

export interface NotesPlan {
  /** The runnable steps, in order: all of them, or those before `noRealValue.index`. */
  steps: (Extract<NotesStepResult, { ok: true }> & { timestep: number; prevTimestep: number })[];
  noRealValue: NoRealValue | null;
}

/** The steps of a whole run, stopping at the first step that has no real value. */
export function notesPlan(moves: readonly NotesMove[], formulas: NotesFormulas = {}): NotesPlan {
  const steps: NotesPlan['steps'] = [];
  for (let i = 0; i < moves.length; i++) {
    const { timestep, prevTimestep } = moves[i];
    const r = notesStep(moves[i], formulas);
    if (!r.ok) return { steps, noRealValue: { index: i, timestep, prevTimestep, sigma2: r.sigma2, room: r.room, radicand: r.radicand } };
    steps.push({ ...r, timestep, prevTimestep });
  }
  return { steps, noRealValue: null };
}

/**
 * x_{t−n} from x_t and the predicted noise with the chosen formulas: `ddimUpdate` (eq. 12) on the
 * step `notesStep` made. `noise` is required when the noise scale is > 0.
 */
export function notesUpdate(xt: Vec, epsTheta: Vec, step: Extract<NotesStepResult, { ok: true }>, noise?: Vec): DdimUpdateParts {
  return ddimUpdate(xt, epsTheta, step.step, noise);
}

/** Whether any switch is on (the sampler is then not the paper's). */
export function usesNotes(formulas: NotesFormulas): boolean {
  return NOTES_FLAGS.some((k) => formulas[k] === true);
}

/** Mean and per-coordinate variance of x at one time of a run started from q(x_{t_start} | x_0). */
export interface NotesMarginal {
  timestep: number;
  alpha: number;
  mean: Float64Array;
  variance: number;
}

/**
 * The exact marginals of the run with the true x_0 in place of x̂_0 (Lemma 1's setting, DDIM App. B):
 * x starts from N(√α_start x_0, (1 − α_start) I) and each step is linear-Gaussian, so the marginal
 * after it follows from `moveGaussian` (jump.ts) with the step's noise scale and direction variance.
 * Under the paper's formulas every marginal is N(√α x_0, (1 − α) I); the notes' formulas keep the
 * mean and move the variance. Returns the start and one entry per runnable step.
 */
export function notesMarginals(x0: Vec, alphaStart: number, timestepStart: number, plan: NotesPlan): NotesMarginal[] {
  let g: Conditional = { mean: Float64Array.from(x0, (v) => Math.sqrt(alphaStart) * v), variance: 1 - alphaStart };
  const out: NotesMarginal[] = [{ timestep: timestepStart, alpha: alphaStart, ...g }];
  for (const s of plan.steps) {
    g = moveGaussian(g, x0, s.step.alphaT, s.step.alphaPrev, s.noiseScale, s.step.directionVariance);
    out.push({ timestep: s.prevTimestep, alpha: s.step.alphaPrev, ...g });
  }
  return out;
}
