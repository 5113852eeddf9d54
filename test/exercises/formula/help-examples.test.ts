/**
 * Every example a help text shows is accepted by the parser it describes: the formula examples of
 * every formula part (ASCII and Greek, against that part's own variables) and the number examples.
 * The rendered help is checked to show exactly these examples, in both languages.
 */
import { describe, expect, it } from 'vitest';
import { ALL } from '../../../src/exercises/catalog/all.ts';
import { compileFormula } from '../../../src/exercises/formula/parse.ts';
import { bracedSpellings, formulaExamples, NUMBER_EXAMPLES } from '../../../src/exercises/formula/help-examples.ts';
import { readPlainNumber } from '../../../src/exercises/numeric.ts';
import { formulaHelp, numberHelp } from '../../../src/exercises/render/card.ts';
import { LANGS, t } from '../../../src/i18n/index.ts';
import { VAR } from '../../../src/exercises/catalog/vars.ts';
import type { FormulaPart, Params } from '../../../src/exercises/types.ts';

const formulaParts = ALL.flatMap((e) => e.parts.filter((p): p is FormulaPart<Params> => p.kind === 'formula').map((p) => [`${e.id} ${p.id}`, p] as const));

describe('formula help examples', () => {
  it('exist for formula parts', () => {
    expect(formulaParts.length).toBeGreaterThan(5);
  });

  it.each(formulaParts)('%s: every example parses against the part’s own variables', (_, part) => {
    const { ascii, greek } = formulaExamples(part.vars);
    for (const example of [ascii, greek].filter((x): x is string => x !== null)) {
      const compiled = compileFormula(example, part.vars);
      expect(compiled, example).toMatchObject({ ok: true });
    }
    for (const lang of LANGS) {
      const help = formulaHelp((k, v) => t(lang, k, v), part.vars);
      expect(help).toContain(ascii);
      if (greek) expect(help).toContain(greek);
    }
  });

  it('the Greek spellings a reader copies from the page are read as the variables they show', () => {
    const vars = [VAR.aTn, VAR.aT, VAR.aPrev, VAR.xt];
    const at = { a_tn: 0.9, a_t: 0.4, a_prev: 0.5, x_t: 2 };
    const value = (input: string) => {
      const c = compileFormula(input, vars);
      if (!c.ok) throw new Error(`${input}: ${JSON.stringify(c.error)}`);
      return c.evaluate(at);
    };
    expect(value('sqrt(α_{t-n}/α_t)')).toBeCloseTo(Math.sqrt(0.9 / 0.4), 14);
    expect(value('sqrt(α_{t−n}/α_{t})')).toBeCloseTo(Math.sqrt(0.9 / 0.4), 14);
    expect(value('α_{t-1}x_t')).toBeCloseTo(1, 14);
    expect(value('alpha_{prev} + x_{t}')).toBeCloseTo(2.5, 14);
    // A syntax error still points into what the reader typed.
    const bad = compileFormula('α_{t-n} + * 2', vars);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error).toMatchObject({ code: 'syntax', position: 10 });
  });

  it('braced spellings are matched longest first', () => {
    const spellings = bracedSpellings([VAR.aTn, VAR.aT]).map(([from]) => from.length);
    expect(spellings).toEqual([...spellings].sort((a, b) => b - a));
  });
});

describe('number help examples', () => {
  it.each(NUMBER_EXAMPLES)('%s is read as a number', (example) => {
    const plain = readPlainNumber(example);
    const value = plain.ok ? plain.value : (() => {
      const c = compileFormula(example, []);
      if (!c.ok) throw new Error(JSON.stringify(c.error));
      return c.evaluate({});
    })();
    expect(Number.isFinite(value)).toBe(true);
  });

  it('the rendered help shows exactly those examples, in both languages', () => {
    for (const lang of LANGS) {
      const help = numberHelp((k, v) => t(lang, k, v));
      for (const example of NUMBER_EXAMPLES) expect(help).toContain(example);
    }
  });
});
