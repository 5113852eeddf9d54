/**
 * A chapter's exercise cards as JSON ({ id: html }), rendered at build time: the assignment-set
 * page fetches the chapters its set needs instead of carrying every card.
 */
import type { APIRoute } from 'astro';
import { LANGS, type Lang } from '../../../../i18n/index.ts';
import { CHAPTERS, type ChapterId } from '../../../../exercises/types.ts';
import { EXERCISES, textOf } from '../../../../exercises/catalog/all.ts';
import { renderCard } from '../../../../exercises/render/card.ts';
import { runExerciseChecks } from '../../../../exercises/checks.ts';
import { chapterNumber } from '../../../../exercises/render/page-data.ts';

export function getStaticPaths() {
  return LANGS.flatMap((lang) => CHAPTERS.map((chapter) => ({ params: { lang, chapter } })));
}

export const GET: APIRoute = ({ params }) => {
  const lang = params.lang as Lang;
  const chapter = params.chapter as ChapterId;
  const cards = Object.fromEntries(
    EXERCISES[chapter].map((e, i) => [e.id, renderCard(e, textOf(e.id)[lang], { lang, number: `${chapterNumber(chapter)}.${i + 1}`, checks: runExerciseChecks(e), level: 2 })]),
  );
  return new Response(JSON.stringify({ chapter, cards }), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
