/**
 * Full-width punctuation for Chinese exercise text (the chapters' rule, src/i18n/cjk-punctuation.ts),
 * applied to prose only: math, code and placeholders are masked first and put back unchanged.
 */
import { normalizeCjkPunctuation } from '../../i18n/cjk-punctuation.ts';

const PROTECTED = /\$\$[\s\S]+?\$\$|\$[^$]+\$|\[\[[\s\S]+?\]\]|\{\{\w+(?:\.\w+)?\}\}|\{check=[\w.-]+\}/g;

export function normalizeRichZh(source: string): string {
  const kept: string[] = [];
  const masked = source.replace(PROTECTED, (m) => `\uE000${kept.push(m) - 1}\uE001`);
  return normalizeCjkPunctuation(masked).replace(/\uE000(\d+)\uE001/g, (_, i: string) => kept[Number(i)]);
}
