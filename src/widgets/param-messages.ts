/**
 * Human messages for parameter errors. Each names the parameter and its valid range.
 * Takes a string lookup rather than the whole UI table, so a page's island only carries the
 * strings of its own language (see WidgetShell.astro).
 */
import type { UiKey } from '../i18n/index.ts';
import { tauTextLimit } from '../core/sampling/tau.ts';
import { formatParam, type ParamError, type ParamSpec, type TimestepsSpec } from './params.ts';

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
    case 'timesteps':
      // The range of each entry; how many entries, where it matters, is said by the message.
      return tr('param.range.integerBetween', { min: 0, max: spec.T - 1 });
  }
}

/** A typed τ's errors, each naming the range of an entry (and the limit that was crossed). */
function timestepsErrorMessage(tr: Lookup, error: ParamError, spec: TimestepsSpec, label: string, shown: string): string {
  const range = describeRange(tr, spec);
  switch (error.code) {
    case 'emptyList':
      return tr('param.error.timestepsEmpty', { label, range });
    case 'listTooLong':
      return tr('param.error.timestepsTooMany', { label, raw: shown, max: spec.T, range });
    case 'textTooLong':
      return tr('param.error.timestepsTextTooLong', { label, raw: shown, max: tauTextLimit(spec.T), count: spec.T, range });
    case 'notAnInteger':
      return tr('param.error.timestepsNotAnInteger', { label, raw: shown, range });
    case 'outOfRange':
      return tr('param.error.timestepsOutOfRange', { label, raw: shown, range });
    default:
      return tr('param.error.timestepsNotANumber', { label, raw: shown, range });
  }
}

export function paramErrorMessage(tr: Lookup, error: ParamError): string {
  const { code, raw, spec } = error;
  const label = tr(spec.label);
  const shown = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
  if (spec.type === 'timesteps') return timestepsErrorMessage(tr, error, spec, label, shown);
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
    case 'textTooLong':
      // Only timesteps parameters limit the length of their text (handled above).
      return tr('param.error.notANumber', { label, raw: shown });
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
  'param.adjusted',
];

/** Further keys, carried only by widgets that have a timesteps parameter (a typed τ). */
export const TIMESTEPS_MESSAGE_KEYS: readonly UiKey[] = [
  'param.error.timestepsEmpty',
  'param.error.timestepsTooMany',
  'param.error.timestepsTextTooLong',
  'param.error.timestepsNotANumber',
  'param.error.timestepsNotAnInteger',
  'param.error.timestepsOutOfRange',
];
