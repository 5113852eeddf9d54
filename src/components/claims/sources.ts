/**
 * The chapters' MDX source text, for counting display equations at build time (coverage). Read
 * with Vite's ?raw so it is the same text the build renders.
 */
import { countRoutes, scanMdx, type Coverage, type RouteCounts } from '../../core/claims/coverage.ts';
import { getClaim } from '../../core/claims/registry.ts';
import { routeOf } from '../../core/claims/mutation.ts';

const sources = import.meta.glob<string>('/content/*/*.mdx', { query: '?raw', import: 'default', eager: true });

export interface ChapterCoverage extends Coverage, RouteCounts {
  lang: string;
  slug: string;
}

export function coverageOf(lang: string, slug: string): ChapterCoverage {
  const text = sources[`/content/${lang}/${slug}.mdx`];
  if (text === undefined) throw new Error(`coverage: no chapter content/${lang}/${slug}.mdx`);
  const coverage = scanMdx(text);
  return { lang, slug, ...coverage, ...countRoutes(coverage, (id) => routeOf(getClaim(id))) };
}

/** Every chapter in every language, sorted by language then file name. */
export function allCoverage(): ChapterCoverage[] {
  return Object.keys(sources)
    .map((path) => /^\/content\/([^/]+)\/([^/]+)\.mdx$/.exec(path)!)
    .map(([, lang, slug]) => coverageOf(lang, slug))
    .sort((a, b) => a.lang.localeCompare(b.lang) || a.slug.localeCompare(b.slug));
}
