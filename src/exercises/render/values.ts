/**
 * The values a version of an exercise shows: its own placeholders (`show(p)`) plus the answer key
 * of each part ("key.<part>"). Used at build time for the printed numbers and in the page for
 * other versions, so both print the same thing.
 */
import { formatNumber } from '../../i18n/format.ts';
import type { ExerciseLogic, Params } from '../types.ts';

export function versionValues(exercise: ExerciseLogic, p: Params): Record<string, string> {
  const values = { ...exercise.show(p) };
  for (const part of exercise.parts) {
    if (part.kind === 'number') values[`key.${part.id}`] = formatNumber(part.answer(p), 6);
    else if (part.kind === 'formula') values[`key.${part.id}`] = part.answer;
    else if (part.kind === 'choice') values[`key.${part.id}`] = part.correct(p);
  }
  return values;
}

/** Lab results are unknown until the reader runs the experiment: shown as "…" before that. */
export function labPlaceholders(resultText: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of (resultText ?? '').matchAll(/\{\{(r\.\w+)\}\}/g)) out[m[1]] = '…';
  return out;
}
