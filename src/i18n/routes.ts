/**
 * Paths and the chapter index. Pure functions, so routing can be unit-tested without Astro.
 * Every chapter has one page per language at /<lang>/<slug>/. If a language lacks the file,
 * that page renders the other language's text under a visible notice instead of a 404.
 */
import { LANGS, type Lang } from './index.ts';

export interface ChapterSource {
  lang: Lang;
  slug: string;
  title: string;
  description: string;
  order: number;
}

export interface ChapterPage {
  lang: Lang;
  slug: string;
  /** The source actually rendered: the same language, or the fallback. */
  source: ChapterSource;
  /** True when `source.lang !== lang`: the page shows an "untranslated" notice. */
  fallback: boolean;
}

export function chapterPath(lang: Lang, slug: string): string {
  return `/${lang}/${slug}/`;
}

export function homePath(lang: Lang): string {
  return `/${lang}/`;
}

/**
 * One page per (language, slug) for every slug that exists in any language, ordered by `order`.
 * Throws if the same slug has different `order` values across languages (the chapter lists
 * would disagree).
 */
export function chapterPages(sources: readonly ChapterSource[]): Record<Lang, ChapterPage[]> {
  const bySlug = new Map<string, Partial<Record<Lang, ChapterSource>>>();
  for (const s of sources) {
    const entry = bySlug.get(s.slug) ?? {};
    if (entry[s.lang]) throw new Error(`Duplicate chapter ${s.lang}/${s.slug}`);
    entry[s.lang] = s;
    bySlug.set(s.slug, entry);
  }
  const orderOf = new Map<string, number>();
  for (const [slug, entry] of bySlug) {
    const orders = new Set(Object.values(entry).map((s) => s!.order));
    if (orders.size !== 1) throw new Error(`Chapter "${slug}" has different 'order' values across languages: ${[...orders].join(', ')}`);
    orderOf.set(slug, [...orders][0]);
  }
  const slugs = [...bySlug.keys()].sort((a, b) => orderOf.get(a)! - orderOf.get(b)! || a.localeCompare(b));
  const result = {} as Record<Lang, ChapterPage[]>;
  for (const lang of LANGS) {
    result[lang] = slugs.map((slug) => {
      const entry = bySlug.get(slug)!;
      const own = entry[lang];
      const source = own ?? LANGS.map((l) => entry[l]).find((s) => s !== undefined)!;
      return { lang, slug, source, fallback: own === undefined };
    });
  }
  return result;
}
