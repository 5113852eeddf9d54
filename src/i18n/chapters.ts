/** The chapter collection, arranged into pages per language (see routes.ts for the rules). */
import { getCollection, type CollectionEntry } from 'astro:content';
import { isLang } from './index.ts';
import { chapterPages, type ChapterPage, type ChapterSource } from './routes.ts';

export type ChapterEntry = CollectionEntry<'chapters'>;

export async function loadChapters(): Promise<{ pages: ReturnType<typeof chapterPages>; entry(page: ChapterPage): ChapterEntry }> {
  const entries = await getCollection('chapters');
  const byId = new Map(entries.map((e) => [e.id, e]));
  const sources: ChapterSource[] = entries.map((e) => {
    const [lang, slug, ...rest] = e.id.split('/');
    if (!isLang(lang) || !slug || rest.length > 0) throw new Error(`Chapter file content/${e.id}.mdx must be content/<en|zh>/<slug>.mdx`);
    return { lang, slug, title: e.data.title, description: e.data.description, order: e.data.order };
  });
  return {
    pages: chapterPages(sources),
    entry: (page) => byId.get(`${page.source.lang}/${page.slug}`)!,
  };
}
