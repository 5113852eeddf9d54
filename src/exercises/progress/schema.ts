/**
 * Saved progress, one localStorage entry per exercise version, so that one damaged entry can never
 * take the others with it. Every entry read back is validated field by field; anything that does
 * not match is reported with a reason and set aside, never silently used or dropped.
 *
 * Key:   ddim-notebook/exercise/v1/<exercise id>@<variant>
 * Value: ExerciseProgress as JSON. `variant` is "default" (the numbers printed on the chapter
 *        pages) or "s<seed>" (another version, e.g. a student's in an assignment set).
 */

export const PROGRESS_VERSION = 1;
export const KEY_ROOT = 'ddim-notebook/';
export const ENTRY_PREFIX = `${KEY_ROOT}exercise/`;
export const SET_ASIDE_PREFIX = `${KEY_ROOT}set-aside/`;
export const MAX_ANSWER_LENGTH = 20_000;

export interface PartProgress {
  /** What the reader last submitted (a number, a formula, an option id or code). */
  answer: string;
  correct: boolean;
  attempts: number;
  /** ISO time of the last check. */
  at: string;
}

export interface ExerciseProgress {
  v: typeof PROGRESS_VERSION;
  id: string;
  variant: string;
  parts: Record<string, PartProgress>;
  /** Number of hints revealed. */
  hints: number;
  solution: boolean;
  /** Whether the experiment of a "predict, then run" / "show it numerically" exercise has been run. */
  ran: boolean;
  updated: string;
}

export type EntryProblem =
  | { code: 'notJson' }
  | { code: 'notObject' }
  | { code: 'newerVersion'; version: number }
  | { code: 'badVersion' }
  | { code: 'badField'; field: string }
  | { code: 'unknownExercise'; id: string }
  | { code: 'keyMismatch' };

export type Validated = { ok: true; entry: ExerciseProgress } | { ok: false; problem: EntryProblem };

const VARIANT = /^(default|s\d{1,10})$/;
const ID = /^[a-z0-9-]+\/[a-z0-9-]+$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

export function entryKey(id: string, variant: string): string {
  return `${ENTRY_PREFIX}v${PROGRESS_VERSION}/${id}@${variant}`;
}

export function emptyProgress(id: string, variant: string): ExerciseProgress {
  return { v: PROGRESS_VERSION, id, variant, parts: {}, hints: 0, solution: false, ran: false, updated: new Date(0).toISOString() };
}

const isCount = (x: unknown, max: number) => Number.isInteger(x) && (x as number) >= 0 && (x as number) <= max;

/** Check an already-parsed value. `known` is the set of exercise ids this site has. */
export function validateEntry(value: unknown, known: ReadonlySet<string>): Validated {
  const fail = (problem: EntryProblem): Validated => ({ ok: false, problem });
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return fail({ code: 'notObject' });
  const o = value as Record<string, unknown>;
  if (typeof o.v === 'number' && Number.isInteger(o.v) && o.v > PROGRESS_VERSION) return fail({ code: 'newerVersion', version: o.v });
  if (o.v !== PROGRESS_VERSION) return fail({ code: 'badVersion' });
  if (typeof o.id !== 'string' || !ID.test(o.id)) return fail({ code: 'badField', field: 'id' });
  if (!known.has(o.id)) return fail({ code: 'unknownExercise', id: o.id });
  if (typeof o.variant !== 'string' || !VARIANT.test(o.variant)) return fail({ code: 'badField', field: 'variant' });
  if (!isCount(o.hints, 50)) return fail({ code: 'badField', field: 'hints' });
  if (typeof o.solution !== 'boolean') return fail({ code: 'badField', field: 'solution' });
  if (typeof o.ran !== 'boolean') return fail({ code: 'badField', field: 'ran' });
  if (typeof o.updated !== 'string' || !ISO.test(o.updated)) return fail({ code: 'badField', field: 'updated' });
  if (o.parts === null || typeof o.parts !== 'object' || Array.isArray(o.parts)) return fail({ code: 'badField', field: 'parts' });
  const parts: Record<string, PartProgress> = {};
  for (const [name, raw] of Object.entries(o.parts as Record<string, unknown>)) {
    const field = `parts.${name}`;
    if (!/^[a-z0-9-]{1,40}$/i.test(name) || raw === null || typeof raw !== 'object') return fail({ code: 'badField', field });
    const p = raw as Record<string, unknown>;
    if (typeof p.answer !== 'string' || p.answer.length > MAX_ANSWER_LENGTH) return fail({ code: 'badField', field: `${field}.answer` });
    if (typeof p.correct !== 'boolean') return fail({ code: 'badField', field: `${field}.correct` });
    if (!isCount(p.attempts, 1_000_000)) return fail({ code: 'badField', field: `${field}.attempts` });
    if (typeof p.at !== 'string' || !ISO.test(p.at)) return fail({ code: 'badField', field: `${field}.at` });
    parts[name] = { answer: p.answer, correct: p.correct, attempts: p.attempts as number, at: p.at };
  }
  const entry: ExerciseProgress = {
    v: PROGRESS_VERSION,
    id: o.id,
    variant: o.variant,
    parts,
    hints: o.hints as number,
    solution: o.solution,
    ran: o.ran,
    updated: o.updated,
  };
  return { ok: true, entry };
}

/** Parse and validate a stored string, also checking that it sits under its own key. */
export function readEntry(key: string, raw: string, known: ReadonlySet<string>): Validated {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, problem: { code: 'notJson' } };
  }
  const checked = validateEntry(value, known);
  if (checked.ok && entryKey(checked.entry.id, checked.entry.variant) !== key) return { ok: false, problem: { code: 'keyMismatch' } };
  return checked;
}

export type Status = 'untried' | 'attempted' | 'solved';

/** Solved when every part has a correct answer; attempted when anything was tried or revealed. */
export function statusOf(entry: ExerciseProgress | undefined, partIds: readonly string[]): Status {
  if (!entry) return 'untried';
  if (partIds.length > 0 && partIds.every((p) => entry.parts[p]?.correct)) return 'solved';
  const touched = Object.keys(entry.parts).length > 0 || entry.hints > 0 || entry.solution || entry.ran;
  return touched ? 'attempted' : 'untried';
}
