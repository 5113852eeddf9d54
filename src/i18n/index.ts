/**
 * UI strings: one keyed table per language (en.json, zh.json). Chapter text lives in content/.
 * `t(lang, key, vars)` fills `{name}` placeholders; a key missing from a table is a type error,
 * and test/i18n/tables.test.ts checks that both tables have the same keys and placeholders.
 */
import en from './en.json';
import zh from './zh.json';

export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];
export type UiKey = keyof typeof en;

export const TABLES: Record<Lang, Record<UiKey, string>> = { en, zh };

/** BCP 47 tag for `<html lang>`. */
export const HTML_LANG: Record<Lang, string> = { en: 'en', zh: 'zh-CN' };

export function isLang(x: unknown): x is Lang {
  return typeof x === 'string' && (LANGS as readonly string[]).includes(x);
}

export function otherLang(lang: Lang): Lang {
  return lang === 'en' ? 'zh' : 'en';
}

export function t(lang: Lang, key: UiKey, vars: Record<string, string | number> = {}): string {
  const template = TABLES[lang][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** A `t` bound to one language. */
export function translator(lang: Lang) {
  return (key: UiKey, vars?: Record<string, string | number>) => t(lang, key, vars);
}
