/**
 * Comparing what the reader's function returned with the reference, and describing any value
 * (in the sandbox) so that a string, an object or undefined is reported rather than crashing.
 */
import type { Tolerance } from '../types.ts';
import type { Returned } from './protocol.ts';

export function describeValue(value: unknown): Returned {
  if (typeof value === 'number') return { kind: 'number', value };
  if (Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView))) {
    const values = Array.from(value as ArrayLike<unknown>);
    if (values.every((v) => typeof v === 'number')) return { kind: 'array', values: values as number[] };
  }
  let text: string;
  if (value === undefined) text = 'undefined';
  else if (value === null) text = 'null';
  else if (typeof value === 'string') text = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  else if (typeof value === 'function') text = 'a function';
  else if (typeof value === 'bigint') text = `${value}n`;
  else text = Array.isArray(value) ? 'an array that is not all numbers' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
  return { kind: 'other', text };
}

export type Comparison = { ok: true } | { ok: false; reason: 'mismatch' | 'badReturn' };

function near(a: number, e: number, { rel = 0, abs = 0 }: Tolerance): boolean {
  return Number.isFinite(a) && Math.abs(a - e) <= abs + rel * Math.abs(e);
}

export function compareReturned(actual: Returned, expected: number | number[], tol: Tolerance): Comparison {
  if (typeof expected === 'number') {
    if (actual.kind !== 'number' || !Number.isFinite(actual.value)) return { ok: false, reason: 'badReturn' };
    return near(actual.value, expected, tol) ? { ok: true } : { ok: false, reason: 'mismatch' };
  }
  if (actual.kind !== 'array') return { ok: false, reason: 'badReturn' };
  if (actual.values.length !== expected.length || actual.values.some((v) => !Number.isFinite(v))) return { ok: false, reason: 'mismatch' };
  return actual.values.every((v, i) => near(v, expected[i], tol)) ? { ok: true } : { ok: false, reason: 'mismatch' };
}

/** "sigma(0.3, 0.5, [1, 2, …])" for messages. */
export function callText(fn: string, args: readonly unknown[]): string {
  const one = (x: unknown): string => {
    if (typeof x === 'number') return String(Number(x.toPrecision(6)));
    if (Array.isArray(x)) return `[${x.slice(0, 4).map(one).join(', ')}${x.length > 4 ? ', …' : ''}]`;
    return String(x);
  };
  return `${fn}(${args.map(one).join(', ')})`;
}

export function returnedText(r: Returned): string {
  if (r.kind === 'number') return String(Number(r.value.toPrecision(8)));
  if (r.kind === 'array') return `[${r.values.slice(0, 6).map((v) => String(Number(v.toPrecision(6)))).join(', ')}${r.values.length > 6 ? ', …' : ''}]`;
  return r.text;
}
