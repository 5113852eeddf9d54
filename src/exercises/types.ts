/**
 * What an exercise is, split in two so that the page only ships what runs:
 * - `ExerciseLogic` (this file's main type): parameters, reference answers computed with src/core,
 *   checks of the solution's key equations. Small; loaded by the page when exercises come into view.
 * - `ExerciseText` (text.ts): prompt, labels, hints, solution and feedback in both languages, with
 *   math. Rendered to HTML at build time only.
 *
 * Parameters are plain numbers. `params.defaults` is the version printed on the chapter pages;
 * `params.sample(rng)` draws another valid version (assignment sets give each student their own).
 * Sampled values are rounded to the digits shown, so a reader computing from the printed numbers
 * gets the reference answer.
 */
import type { Rng } from '../core/rng.ts';
import type { ParamTable, ParamValues } from '../widgets/params.ts';

export const CHAPTERS = [
  'forward-process',
  'non-markovian-family',
  'n-step-jump',
  'sampler-family',
  'errata',
  'diffusers-ddim-step',
  'toy-lab',
  'experiments',
] as const;
export type ChapterId = (typeof CHAPTERS)[number];

/** The mix of tasks: derive a coefficient, compute a number, predict then run, find the error, show it numerically, write code. */
export const KINDS = ['derive', 'compute', 'predict', 'find-error', 'numerically', 'code'] as const;
export type ExerciseKind = (typeof KINDS)[number];

export type Params = Record<string, number>;

export interface ParamSpace<P extends Params> {
  defaults: P;
  sample(rng: Rng): P;
}

export interface Tolerance {
  rel?: number;
  abs?: number;
}

/** A known wrong answer with its own feedback (text in `feedback[id]`). */
export interface NumberMistake<P extends Params> {
  id: string;
  value(p: P): number;
}

export interface NumberPart<P extends Params> {
  kind: 'number';
  id: string;
  answer(p: P): number;
  tol: Tolerance;
  mistakes?: NumberMistake<P>[];
}

/** A variable a formula answer may use. */
export interface FormulaVar {
  /** Name typed by the reader, e.g. "a_prev". */
  name: string;
  /** Other accepted spellings, e.g. ["α_prev", "alpha_prev"]. */
  aliases?: string[];
  /** How feedback writes it, e.g. "α_{t−1}" (plain Unicode, no TeX). */
  symbol: string;
}

/** Special values of one variable at which wrong answers often still agree ("matches at η = 0 but not at η = 0.5"). */
export interface FormulaProbe {
  name: string;
  special: number[];
  /** A generic value to contrast with. */
  contrast: number;
}

export interface FormulaMistake {
  id: string;
  f(v: Record<string, number>): number;
}

export interface FormulaPart<P extends Params> {
  kind: 'formula';
  id: string;
  vars: FormulaVar[];
  /** A valid random point (respecting constraints such as α_t < α_{t−1}). */
  point(rng: Rng): Record<string, number>;
  /**
   * Recompute variables defined from others after a probe forces a value (e.g. σ from η), so
   * the reader may use a named quantity such as `sigma` where the probe varies `eta`.
   */
  complete?(v: Record<string, number>): Record<string, number>;
  reference(v: Record<string, number>, p: P): number;
  /** The reference written in the answer syntax (for answer keys and tests). */
  answer: string;
  mistakes?: FormulaMistake[];
  probes?: FormulaProbe[];
}

export interface ChoicePart<P extends Params> {
  kind: 'choice';
  id: string;
  options: string[];
  correct(p: P): string;
}

export interface CodePart {
  kind: 'code';
  id: string;
  /** Name of the function the reader defines. */
  fn: string;
  args: string[];
  /** Inputs to try, as argument lists (numbers or arrays of numbers). */
  inputs(rng: Rng): CodeArg[][];
  reference(...args: CodeArg[]): number | number[];
  tol: Tolerance;
  /** A working solution, in plain JavaScript (for the answer key and the tests). */
  solution: string;
}

export type CodeArg = number | number[];

export type Part<P extends Params> = NumberPart<P> | FormulaPart<P> | ChoicePart<P> | CodePart;

/** The key equation of a solution, checked like a chapter's claims: lhs = rhs over many random draws. */
export interface SolutionCheck {
  id: string;
  sample(rng: Rng): Record<string, number>;
  lhs(v: Record<string, number>): number;
  rhs(v: Record<string, number>): number;
  /**
   * The size of the terms the sides sum, when they can cancel to a much smaller result: the
   * residual is taken relative to it (see checks.ts). The tolerance is always 1e-12.
   */
  floor?(v: Record<string, number>): number;
}

/**
 * An experiment the reader runs in the page ("predict, then run", "show it numerically").
 * Settings are a declared parameter table (validated like widget parameters); `run` computes
 * with src/core and returns the values its result placeholders show.
 */
export interface LabSpec<P extends Params, T extends ParamTable = ParamTable> {
  settings: T;
  /** A part that must have an answer before the experiment may run (predictions are made first). */
  after?: string;
  run(p: P, settings: ParamValues<T>): Record<string, string>;
}

export interface ExerciseLogic<P extends Params = Params> {
  id: string;
  chapter: ChapterId;
  kind: ExerciseKind;
  params: ParamSpace<P>;
  /** Strings for the text's {{placeholders}} (parameters and values derived from them). */
  show(p: P): Record<string, string>;
  parts: Part<P>[];
  checks: SolutionCheck[];
  lab?: LabSpec<P>;
  /** A chapter widget that shows the same thing, with URL parameters for these values. */
  widget?(p: P): { chapter: ChapterId; anchor: string; query: Record<string, string> };
}

/** Helper keeping literal parameter types while checking the shape. */
export function defineExercise<P extends Params>(e: ExerciseLogic<P>): ExerciseLogic<Params> {
  return e as unknown as ExerciseLogic<Params>;
}

export interface ExerciseText {
  title: string;
  prompt: string;
  /** Per part: the label before the input; options for choices; starter code for code parts. */
  parts: Record<string, { label: string; options?: Record<string, string>; starter?: string }>;
  hints: string[];
  solution: string;
  feedback?: Record<string, string>;
  /** Lab: what the run shows (rich text with result placeholders). */
  lab?: { intro?: string; result: string };
}

export type Bilingual<T> = { en: T; zh: T };
