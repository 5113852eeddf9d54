/**
 * Human messages for parameter errors. Each names the parameter and its valid range.
 * Takes a string lookup rather than the whole UI table, so a page's island only carries the
 * strings of its own language (see WidgetShell.astro).
 */
import type { UiKey } from '../i18n/index.ts';
import { formatParam, type ParamError, type ParamSpec } from './params.ts';

export type Lookup = (key: UiKey, vars?: Record<string, string | number>) => string;

export function describeRange(tr: Lookup, spec: ParamSpec): string {
  switch (spec.type) {
    case 'int':
      return tr('param.range.integerBetween', { min: spec.min, max: spec.max });
    case 'float':
      return tr('param.range.between', { min: spec.min, max: spec.max });
    case 'enum':
      return spec.choices.join(', ');
    case 'bool':
      return 'true, false';
    case 'list':
      return tr('param.range.list', { max: spec.maxLength });
  }
}

export function paramErrorMessage(tr: Lookup, error: ParamError): string {
  const { code, raw, spec } = error;
  const label = tr(spec.label);
  const shown = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
  switch (code) {
    case 'notANumber':
      return tr(spec.type === 'list' ? 'param.error.listNotANumber' : 'param.error.notANumber', { label, raw: shown });
    case 'notAnInteger':
      return tr('param.error.notAnInteger', { label, raw: shown });
    case 'outOfRange':
      return tr('param.error.outOfRange', { label, raw: shown, range: describeRange(tr, spec) });
    case 'unknownChoice':
      return tr('param.error.unknownChoice', { label, raw: shown, choices: describeRange(tr, spec) });
    case 'notABoolean':
      return tr('param.error.notABoolean', { label, raw: shown });
    case 'emptyList':
      return tr('param.error.emptyList', { label, range: describeRange(tr, spec) });
    case 'listTooLong':
      return tr('param.error.listTooLong', { label, raw: shown, range: describeRange(tr, spec) });
  }
}

/** A value as the reader sees it in the controls: a choice by its label, anything else as typed. */
export function displayValue(tr: Lookup, spec: ParamSpec, value: unknown): string {
  if (spec.type === 'enum') {
    const key = spec.choiceLabels?.[value as string];
    if (key) return tr(key);
  }
  return formatParam(spec, value);
}

/** "The previous value, …, is kept." for a parameter's current value. */
export function keptMessage(tr: Lookup, spec: ParamSpec, value: unknown): string {
  return tr('param.keptPrevious', { value: displayValue(tr, spec, value) });
}

/**
 * Two sentences as one message. Chinese sentences end in full-width punctuation, which carries its
 * own spacing, so they are joined without a space; others get one.
 */
export function joinSentences(first: string, second: string): string {
  return /[。！？]$/.test(first) ? first + second : `${first} ${second}`;
}

/** The keys an island needs to report parameter errors, besides the labels themselves. */
export const PARAM_MESSAGE_KEYS: readonly UiKey[] = [
  'param.error.notANumber',
  'param.error.notAnInteger',
  'param.error.outOfRange',
  'param.error.unknownChoice',
  'param.error.notABoolean',
  'param.range.between',
  'param.range.integerBetween',
  'param.keptPrevious',
  'param.range.list',
  'param.error.emptyList',
  'param.error.listTooLong',
  'param.error.listNotANumber',
  'param.defaultsUsed',
];
