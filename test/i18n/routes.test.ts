import { describe, expect, it } from 'vitest';
import { chapterPages, chapterPath, type ChapterSource } from '../../src/i18n/routes.ts';

const src = (lang: 'en' | 'zh', slug: string, order: number): ChapterSource => ({ lang, slug, order, title: `${lang}:${slug}`, description: '' });

describe('chapterPages()', () => {
  it('gives every chapter a page in both languages, ordered by `order`', () => {
    const pages = chapterPages([src('en', 'b', 2), src('zh', 'b', 2), src('en', 'a', 1), src('zh', 'a', 1)]);
    expect(pages.en.map((p) => p.slug)).toEqual(['a', 'b']);
    expect(pages.zh.map((p) => p.slug)).toEqual(['a', 'b']);
    expect(pages.zh.every((p) => !p.fallback && p.source.lang === 'zh')).toBe(true);
  });

  it('falls back to the other language with a notice flag instead of a missing page', () => {
    const pages = chapterPages([src('en', 'a', 1), src('zh', 'a', 1), src('en', 'only-en', 2), src('zh', 'only-zh', 3)]);
    const zhOnlyEn = pages.zh.find((p) => p.slug === 'only-en')!;
    expect(zhOnlyEn.fallback).toBe(true);
    expect(zhOnlyEn.source.lang).toBe('en');
    const enOnlyZh = pages.en.find((p) => p.slug === 'only-zh')!;
    expect(enOnlyZh.fallback).toBe(true);
    expect(enOnlyZh.source.lang).toBe('zh');
    expect(pages.en.map((p) => p.slug)).toEqual(pages.zh.map((p) => p.slug));
  });

  it('rejects chapters whose order differs between languages, and duplicates', () => {
    expect(() => chapterPages([src('en', 'a', 1), src('zh', 'a', 2)])).toThrow(/different 'order'/);
    expect(() => chapterPages([src('en', 'a', 1), src('en', 'a', 1)])).toThrow(/Duplicate/);
  });

  it('chapterPath() builds the parallel paths', () => {
    expect(chapterPath('zh', 'forward-process')).toBe('/zh/forward-process/');
  });
});
