/** A chapter's title for the exercise pages: the chapter's own when it exists on the site, else the exercises' name for it. */
import { loadChapters } from '../../i18n/chapters.ts';
import { t, type Lang, type UiKey } from '../../i18n/index.ts';
import { CHAPTERS, type ChapterId } from '../types.ts';

export async function chapterTitles(lang: Lang): Promise<Record<ChapterId, { title: string; exists: boolean }>> {
  const { pages } = await loadChapters();
  const out = {} as Record<ChapterId, { title: string; exists: boolean }>;
  for (const c of CHAPTERS) {
    const page = pages[lang].find((p) => p.slug === c);
    out[c] = page ? { title: page.source.title, exists: true } : { title: t(lang, `ex.chapter.${c}` as UiKey), exists: false };
  }
  return out;
}
