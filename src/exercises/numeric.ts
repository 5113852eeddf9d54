/**
 * Numeric answers. Plain numbers are read directly ("0.1234", "−1.5e-3", "1.2×10^-3"); anything
 * else is read as a constant expression by the formula parser ("sqrt(0.5)", "1 - 0.9^2"), so a
 * reader may type the arithmetic instead of the result. Checked against the reference with a
 * tolerance; known wrong values and a few generic slips (the square instead of the root, the
 * wrong sign, a power of ten) get their own feedback.
 */
import type { NumberPart, Params, Tolerance } from './types.ts';
import type { FormulaError } from './formula/parse.ts';

const PLAIN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const TIMES_TEN = /^([+-]?(?:\d+\.?\d*|\.\d+))\s*[x×*·]\s*10\s*\^\s*\(?\s*([+-]?\d+)\s*\)?$/;

export type NumberRead = { ok: true; value: number } | { ok: false; error: FormulaError } | { ok: false; needsParser: true };

/** Read a plain number; `needsParser` when the text is something else (an expression, or junk). */
export function readPlainNumber(raw: string): NumberRead {
  const text = raw.trim().replace(/[−–]/g, '-').replace(/\s+/g, ' ');
  if (text === '') return { ok: false, error: { code: 'empty' } };
  if (PLAIN.test(text)) return { ok: true, value: Number(text) };
  const m = TIMES_TEN.exec(text);
  if (m) return { ok: true, value: Number(`${m[1]}e${m[2]}`) };
  return { ok: false, needsParser: true };
}

export type Slip = 'square' | 'root' | 'sign' | 'powerOfTen' | 'rounding';

export interface NumberVerdict {
  ok: boolean;
  mistake?: string;
  slip?: Slip;
  expected: number;
}

export function within(actual: number, expected: number, { rel = 0, abs = 0 }: Tolerance): boolean {
  return Math.abs(actual - expected) <= abs + rel * Math.abs(expected);
}

export function checkNumber<P extends Params>(value: number, part: NumberPart<P>, p: P): NumberVerdict {
  const expected = part.answer(p);
  if (within(value, expected, part.tol)) return { ok: true, expected };
  const mistake = part.mistakes?.find((m) => within(value, m.value(p), part.tol))?.id;
  return { ok: false, mistake, slip: mistake ? undefined : slipOf(value, expected, part.tol), expected };
}

function slipOf(value: number, expected: number, tol: Tolerance): Slip | undefined {
  if (expected !== 0 && within(-value, expected, tol)) return 'sign';
  if (Math.abs(expected) !== 1 && within(value, expected * expected, tol)) return 'square';
  if (expected > 0 && Math.abs(expected) !== 1 && within(value * value, expected, tol)) return 'root';
  for (const k of [-3, -2, -1, 1, 2, 3]) if (within(value, expected * 10 ** k, tol)) return 'powerOfTen';
  if (within(value, expected, { rel: 50 * (tol.rel ?? 0), abs: 50 * (tol.abs ?? 0) })) return 'rounding';
  return undefined;
}
