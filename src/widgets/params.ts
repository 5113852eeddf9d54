/**
 * A widget's parameters, declared once: name, type, range, default.
 *
 * The same table drives the form controls (built at build time), the validation of every value
 * typed or read from the URL, and the URL itself (`?<widget>.<name>=value`, defaults omitted).
 * Parsing never evaluates input: numbers go through `Number()` on a trimmed string and are then
 * range-checked; choices are matched against the declared list.
 */

import type { UiKey } from '../i18n/index.ts';
import { formatTau, parseTauList, type TauListError } from '../core/sampling/tau.ts';

/** Shared by every spec: the UI string naming the parameter (with its symbol, e.g. "Timestep t"). */
interface SpecBase {
  label: UiKey;
  /**
   * Show the control (and print the value) only while the enum parameter `param` has one of the
   * values `in`; e.g. a typed τ only while τ is "custom". A hidden parameter keeps its value and
   * its place in the URL.
   */
  shownWhen?: { param: string; in: readonly string[] };
}

export interface IntSpec extends SpecBase {
  type: 'int';
  min: number;
  max: number;
  /** The slider's upper end when useful values sit far below `max` (larger ones are typed). Default `max`. */
  sliderMax?: number;
  default: number;
  step?: number;
}
export interface FloatSpec extends SpecBase {
  type: 'float';
  min: number;
  max: number;
  /** The slider's upper end when useful values sit far below `max` (larger ones are typed). Default `max`. */
  sliderMax?: number;
  default: number;
  step?: number;
}
export interface EnumSpec<C extends string = string> extends SpecBase {
  type: 'enum';
  choices: readonly C[];
  default: C;
  /** UI string for each choice; the raw choice is shown where absent. */
  choiceLabels?: Partial<Record<C, UiKey>>;
}
export interface BoolSpec extends SpecBase {
  type: 'bool';
  default: boolean;
}
/** A list of numbers typed as text ("0.9, 0.5, 0.1"); separators: commas, semicolons or spaces. */
export interface ListSpec extends SpecBase {
  type: 'list';
  default: readonly number[];
  /** Most elements accepted. */
  maxLength: number;
}
/**
 * A set of training timesteps typed as text ("999, 700, 500, 120, 3"), read by core's
 * `parseTauList`: separators are spaces, commas (also "，" and "、") or semicolons; any order, kept
 * descending; a repeated timestep is kept once.
 */
export interface TimestepsSpec extends SpecBase {
  type: 'timesteps';
  /** Number of training timesteps T: each entry is a whole number from 0 to T − 1, at most T entries. */
  T: number;
  /** Descending and without repeats, as `parseTauList` returns it. */
  default: readonly number[];
}
export type ParamSpec = IntSpec | FloatSpec | EnumSpec | BoolSpec | ListSpec | TimestepsSpec;
export type ParamTable = Record<string, ParamSpec>;

export type ValueOf<S extends ParamSpec> = S extends EnumSpec<infer C>
  ? C
  : S extends BoolSpec
    ? boolean
    : S extends ListSpec | TimestepsSpec
      ? readonly number[]
      : number;
export type ParamValues<T extends ParamTable> = { [K in keyof T]: ValueOf<T[K]> };

export type ParamErrorCode = 'notANumber' | 'notAnInteger' | 'outOfRange' | 'unknownChoice' | 'notABoolean' | 'emptyList' | 'listTooLong' | 'textTooLong';

export interface ParamError {
  param: string;
  code: ParamErrorCode;
  /**
   * The offending text. For a list: the offending element, or for `listTooLong` the number of
   * elements; for `textTooLong` the number of characters.
   */
  raw: string;
  spec: ParamSpec;
}

export type Parsed<V> = { ok: true; value: V } | { ok: false; error: ParamError };

/** Declare a table with its literal types kept (so enum values stay unions). */
export function defineParams<const T extends ParamTable>(table: T): T {
  for (const [name, spec] of Object.entries(table)) {
    const check = parseParam(name, spec, formatParam(spec, spec.default));
    if (!check.ok) throw new Error(`Parameter "${name}": its default ${String(spec.default)} is not valid for its own spec`);
    if (formatParam(spec, check.value) !== formatParam(spec, spec.default)) throw new Error(`Parameter "${name}": its default is not written the way it reads back`);
    const when = spec.shownWhen;
    if (when) {
      const on = table[when.param];
      if (on?.type !== 'enum' || when.in.some((c) => !on.choices.includes(c))) throw new Error(`Parameter "${name}": shownWhen must name choices of an enum parameter`);
    }
  }
  return table;
}

export function defaults<T extends ParamTable>(table: T): ParamValues<T> {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(table)) out[name] = spec.default;
  return out as ParamValues<T>;
}

/** How core's reasons for refusing a typed τ are reported. */
const TAU_LIST_CODES: Record<TauListError['code'], ParamErrorCode> = {
  empty: 'emptyList',
  tooLong: 'textTooLong',
  tooMany: 'listTooLong',
  notANumber: 'notANumber',
  notAnInteger: 'notAnInteger',
  outOfRange: 'outOfRange',
};

/** Plain decimal notation only: Number('') is 0 and Number('0x10') is 16, neither is accepted. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Parse one raw string against its spec. */
export function parseParam<S extends ParamSpec>(param: string, spec: S, raw: string): Parsed<ValueOf<S>> {
  const text = raw.trim();
  const fail = (code: ParamErrorCode, shown = raw): Parsed<ValueOf<S>> => ({ ok: false, error: { param, code, raw: shown, spec } });
  switch (spec.type) {
    case 'timesteps': {
      const parsed = parseTauList(raw, spec.T);
      if (parsed.ok) return { ok: true, value: parsed.tau as unknown as ValueOf<S> };
      const e = parsed.error;
      const shown = e.code === 'tooLong' ? String(e.length) : e.code === 'tooMany' ? String(e.count) : e.code === 'empty' ? raw : e.entry;
      return fail(TAU_LIST_CODES[e.code], shown);
    }
    case 'list': {
      const parts = text.split(/[\s,;]+/).filter((x) => x !== '');
      if (parts.length === 0) return fail('emptyList');
      if (parts.length > spec.maxLength) return fail('listTooLong', String(parts.length));
      const values: number[] = [];
      for (const part of parts) {
        const v = Number(part);
        if (!DECIMAL.test(part) || !Number.isFinite(v)) return fail('notANumber', part);
        values.push(v);
      }
      return { ok: true, value: values as unknown as ValueOf<S> };
    }
    case 'int':
    case 'float': {
      if (!DECIMAL.test(text)) return fail('notANumber');
      const value = Number(text);
      if (!Number.isFinite(value)) return fail('notANumber');
      if (spec.type === 'int' && !Number.isInteger(value)) return fail('notAnInteger');
      if (value < spec.min || value > spec.max) return fail('outOfRange');
      return { ok: true, value: value as ValueOf<S> };
    }
    case 'enum':
      return spec.choices.includes(text) ? { ok: true, value: text as ValueOf<S> } : fail('unknownChoice');
    case 'bool':
      if (text === 'true' || text === '1' || text === 'on') return { ok: true, value: true as ValueOf<S> };
      if (text === 'false' || text === '0' || text === 'off') return { ok: true, value: false as ValueOf<S> };
      return fail('notABoolean');
  }
}

export function formatParam(spec: ParamSpec, value: unknown): string {
  if (spec.type === 'bool') return value ? 'true' : 'false';
  if (spec.type === 'list') return (value as readonly number[]).join(', ');
  if (spec.type === 'timesteps') return formatTau(value as readonly number[]);
  return String(value);
}

/**
 * Read a table's values from URL search parameters `<prefix>.<name>`.
 * Missing parameters take their defaults; invalid ones take their defaults and are reported.
 */
export function readParams<T extends ParamTable>(
  table: T,
  search: URLSearchParams,
  prefix: string,
): { values: ParamValues<T>; errors: ParamError[] } {
  const values = defaults(table) as Record<string, unknown>;
  const errors: ParamError[] = [];
  for (const [name, spec] of Object.entries(table)) {
    const raw = search.get(`${prefix}.${name}`);
    if (raw === null) continue;
    const parsed = parseParam(name, spec, raw);
    if (parsed.ok) values[name] = parsed.value;
    else errors.push(parsed.error);
  }
  return { values: values as ParamValues<T>, errors };
}

/** Write the non-default values of a table into `search` (mutates it); defaults are removed. */
export function writeParams<T extends ParamTable>(
  table: T,
  values: ParamValues<T>,
  search: URLSearchParams,
  prefix: string,
): URLSearchParams {
  for (const [name, spec] of Object.entries(table)) {
    const key = `${prefix}.${name}`;
    const value = (values as Record<string, unknown>)[name];
    if (formatParam(spec, value) === formatParam(spec, spec.default)) search.delete(key);
    else search.set(key, formatParam(spec, value));
  }
  return search;
}

/** Whether a parameter's control is shown for these values (see `SpecBase.shownWhen`). */
export function isShown(spec: ParamSpec, values: Record<string, unknown>): boolean {
  return spec.shownWhen === undefined || spec.shownWhen.in.includes(String(values[spec.shownWhen.param]));
}

/**
 * A rule between several parameters (each already valid on its own), e.g. "n ≤ t". `check`
 * returns null when the values are fine, or the message to show (a UI key and its variables) and
 * the parameter whose error slot shows it (default: the one being edited).
 */
export interface ConstraintError {
  message: UiKey;
  vars?: Record<string, string | number>;
  param?: string;
}
export type Constraint<T extends ParamTable> = (values: ParamValues<T>) => ConstraintError | null;

/** The first broken constraint, or null. */
export function checkConstraints<T extends ParamTable>(constraints: readonly Constraint<T>[], values: ParamValues<T>): ConstraintError | null {
  for (const c of constraints) {
    const e = c(values);
    if (e) return e;
  }
  return null;
}
