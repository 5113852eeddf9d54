/**
 * Data every page with exercises embeds for its script (build time): the UI strings of its
 * language, the ids and parts of all exercises (to validate stored progress), and which chapter
 * pages exist (for links to chapter widgets).
 */
import { TABLES, type Lang, type UiKey } from '../../i18n/index.ts';
import { PARAM_MESSAGE_KEYS } from '../../widgets/param-messages.ts';
import { ALL } from '../catalog/all.ts';
import { CHAPTERS, type ChapterId } from '../types.ts';

export interface KnownExercise {
  id: string;
  parts: string[];
}

export function exerciseStrings(lang: Lang): Record<string, string> {
  const table = TABLES[lang];
  const keys = (Object.keys(table) as UiKey[]).filter((k) => k.startsWith('ex.') || (PARAM_MESSAGE_KEYS as readonly string[]).includes(k));
  return Object.fromEntries(keys.map((k) => [k, table[k]]));
}

export function knownExercises(): KnownExercise[] {
  return ALL.map((e) => ({ id: e.id, parts: e.parts.map((p) => p.id) }));
}

/** JSON for a <script type="application/json">, safe against "</script>". */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** Chapter number as printed before exercise numbers ("4.2"). */
export function chapterNumber(chapter: ChapterId): number {
  return CHAPTERS.indexOf(chapter) + 1;
}

export interface ExerciseSummary {
  id: string;
  chapter: ChapterId;
  kind: string;
  number: string;
  title: string;
  parts: string[];
}

/** Number, title and parts of every exercise, for lists built in the page (progress, sets). */
export function exerciseSummaries(titleOf: (id: string) => string): ExerciseSummary[] {
  return CHAPTERS.flatMap((chapter) =>
    ALL.filter((e) => e.chapter === chapter).map((e, i) => ({
      id: e.id,
      chapter,
      kind: e.kind,
      number: `${chapterNumber(chapter)}.${i + 1}`,
      title: titleOf(e.id),
      parts: e.parts.map((p) => p.id),
    })),
  );
}
