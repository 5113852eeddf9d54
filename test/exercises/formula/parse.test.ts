import { describe, expect, it } from 'vitest';
import { compileFormula } from '../../../src/exercises/formula/parse.ts';
import type { FormulaVar } from '../../../src/exercises/types.ts';

const VARS: FormulaVar[] = [
  { name: 'a_t', aliases: ['α_t', 'alpha_t'], symbol: 'α_t' },
  { name: 'a_prev', aliases: ['α_prev', 'alpha_prev'], symbol: 'α_{t−1}' },
  { name: 'x_t', symbol: 'x_t' },
  { name: 'eps', aliases: ['ε'], symbol: 'ε' },
];
const at = { a_t: 0.3, a_prev: 0.6, x_t: 0.8, eps: -0.4 };
const expected = (Math.sqrt(0.6) * (0.8 - Math.sqrt(0.7) * -0.4)) / Math.sqrt(0.3);

function value(input: string): number {
  const c = compileFormula(input, VARS);
  if (!c.ok) throw new Error(JSON.stringify(c.error));
  return c.evaluate(at);
}

describe('compileFormula', () => {
  it('compileFormula() evaluates the plain syntax of the issue, aliases and Unicode operators alike', () => {
    expect(value('sqrt(a_prev)*(x_t - sqrt(1-a_t)*eps)/sqrt(a_t)')).toBeCloseTo(expected, 14);
    expect(value('√(α_prev)·(x_t − √(1−α_t)·ε)/√(α_t)')).toBeCloseTo(expected, 14);
    expect(value('sqrt(alpha_prev) (x_t - sqrt(1 - alpha_t) eps) / sqrt(alpha_t)')).toBeCloseTo(expected, 14);
    expect(value('a_t(1 - a_t)')).toBeCloseTo(0.21, 15);
    expect(value('a_t^2 + pi - e + 2a_t')).toBeCloseTo(0.09 + Math.PI - Math.E + 0.6, 14);
    expect(value('pow(a_t, 2)')).toBeCloseTo(0.09, 15);
    expect(value('a_t²')).toBeCloseTo(0.09, 15);
  });

  it('compileFormula() reports a syntax error with its position in the typed text', () => {
    const c = compileFormula('a_t +* x_t', VARS);
    expect(c.ok).toBe(false);
    if (!c.ok && c.error.code === 'syntax') expect(c.error.position).toBe(5);
    else throw new Error('expected a syntax error');
    const open = compileFormula('sqrt(a_t', VARS);
    expect(!open.ok && open.error.code === 'syntax' && open.error.position).toBe(8);
    // Positions count the reader's characters, not the normalised ones ("√" became "sqrt").
    const unicode = compileFormula('√(a_t) +* 1', VARS);
    expect(!unicode.ok && unicode.error.code === 'syntax' && unicode.error.position).toBe(8);
  });

  it('compileFormula() says what a syntax error means, so the page can say it in either language', () => {
    const reason = (text: string) => {
      const c = compileFormula(text, VARS);
      return !c.ok && c.error.code === 'syntax' ? c.error.reason : 'no syntax error';
    };
    expect(reason('a_t +* x_t')).toEqual({ kind: 'valueExpected' });
    expect(reason('sqrt(a_t')).toEqual({ kind: 'closeParen' });
    expect(reason('a_t +')).toEqual({ kind: 'unexpectedEnd' });
    expect(reason('[1, 2')).toEqual({ kind: 'closeBracket' });
    expect(reason('a_t ) x_t')).toEqual({ kind: 'unexpectedOperator', token: ')' });
    expect(reason('1.2.3')).toEqual({ kind: 'unexpectedPart', token: '.3' });
    expect(reason('a_t @ x_t')).toEqual({ kind: 'unexpectedPart', token: '@ x_t' });
    expect(reason('"abc')).toEqual({ kind: 'unclosedString', token: '"' });
    // A message without a translation keeps mathjs's own text (reason null).
    expect(reason('1 ? 2')).toBeNull();
  });

  it('compileFormula() lists unknown symbols with suggestions and unknown functions', () => {
    const c = compileFormula('sqrt(alpha_tprev) * x0 + x_t', VARS);
    expect(c.ok).toBe(false);
    if (c.ok || c.error.code !== 'unknownSymbols') throw new Error('expected unknownSymbols');
    expect(c.error.symbols.sort()).toEqual(['alpha_tprev', 'x0']);
    expect(c.error.suggestions.alpha_tprev).toBe('a_prev');
    const fn = compileFormula('foo(a_t) + bar(x_t)', VARS);
    expect(!fn.ok && fn.error).toEqual({ code: 'unknownFunctions', names: ['foo', 'bar'] });
    const bare = compileFormula('sqrt a_t', VARS);
    expect(!bare.ok && bare.error).toEqual({ code: 'functionNeedsParens', name: 'sqrt' });
  });

  it('compileFormula() refuses assignments, matrices, comparisons and strings without evaluating them', () => {
    for (const [input, construct] of [['x_t = 1', '='], ['f(x) = x', '='], ['[1, 2]', '[ ]'], ['a_t > 1', '>'], ['a_t ? 1 : 2', '? :'], ['"abc"', 'string'], ['a_t!', '!']]) {
      const c = compileFormula(input, VARS);
      expect(c.ok, input).toBe(false);
      if (!c.ok) expect(c.error, input).toEqual({ code: 'unsupported', construct });
    }
    expect(compileFormula('   ', VARS)).toEqual({ ok: false, error: { code: 'empty' } });
    expect(compileFormula('1+'.repeat(400) + '1', VARS)).toMatchObject({ ok: false, error: { code: 'tooLong' } });
    expect(compileFormula('sqrt(1, 2)', VARS)).toMatchObject({ ok: false, error: { code: 'wrongArity', name: 'sqrt', expected: 1, got: 2 } });
  });
});
