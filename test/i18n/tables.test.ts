import { describe, expect, it } from 'vitest';
import en from '../../src/i18n/en.json';
import zh from '../../src/i18n/zh.json';
import { otherLang, t } from '../../src/i18n/index.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI string tables', () => {
  it('have the same keys in English and Chinese', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });
  it('use the same placeholders in both languages, and no empty strings', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(zh[key]), key).toEqual(placeholders(en[key]));
      expect(en[key].trim(), key).not.toBe('');
      expect(zh[key].trim(), key).not.toBe('');
    }
  });
});

describe('t()', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('en', 'widget.backendActive', { backend: 'wasm' })).toBe('Running on wasm.');
    expect(t('zh', 'widget.backendActive', {})).toContain('{backend}');
  });
  it('otherLang() swaps the two languages', () => {
    expect(otherLang('en')).toBe('zh');
    expect(otherLang('zh')).toBe('en');
  });
});
