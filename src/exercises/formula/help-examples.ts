/**
 * The examples the answer help shows, built from what the part accepts, so an example can never
 * name a variable the part does not have (test/exercises/formula/help-examples.test.ts parses
 * every one of them against its part).
 */
import type { FormulaVar } from '../types.ts';

/** Examples of number answers (ex.help.number): a decimal, an exponent, arithmetic. */
export const NUMBER_EXAMPLES = ['0.1234', '1.2e-3', 'sqrt(0.5)'] as const;

/** A variable's symbol as a reader would type it: ASCII minus, braces kept (α_{t-n}). */
export function typedSymbol(v: FormulaVar): string {
  return v.symbol.replace(/−/g, '-');
}

const GREEK = /[\u0370-\u03ff\u1f00-\u1fff]/;

export interface FormulaExamples {
  /** With the variables' ASCII names, e.g. sqrt(a_t)*x_t. */
  ascii: string;
  /** With Greek symbols and subscripts as written, e.g. sqrt(α_{t-n}/α_t); null when no variable is Greek. */
  greek: string | null;
}

export function formulaExamples(vars: readonly FormulaVar[]): FormulaExamples {
  const [a, b] = vars;
  const ascii = a === undefined ? 'sqrt(2)/2' : b === undefined ? `2*sqrt(${a.name})` : `sqrt(${a.name})*${b.name}`;
  const greekVars = vars.filter((v) => GREEK.test(v.symbol));
  const [g, h] = greekVars;
  const greek = g === undefined ? null : h === undefined ? `2*sqrt(${typedSymbol(g)})` : `sqrt(${typedSymbol(g)}/${typedSymbol(h)})`;
  return { ascii, greek };
}

/**
 * Extra spellings of each variable, mapped to its name: its symbol as typed (α_{t-n}, with either
 * minus sign) and a braced subscript for every underscored name or alias (x_{t}, alpha_{prev}).
 * The parser substitutes them before parsing, since mathjs reads `{…}` as an object; the name is
 * padded with spaces so that a spelling next to another symbol stays a product (α_{t-n}x_t).
 */
export function bracedSpellings(vars: readonly FormulaVar[]): [string, string][] {
  const out = new Map<string, string>();
  for (const v of vars) {
    for (const form of [v.symbol, typedSymbol(v)]) if (form.includes('{')) out.set(form, ` ${v.name} `);
    for (const n of [v.name, ...(v.aliases ?? []), v.symbol]) {
      const m = /^([^_{}]+)_([^_{}]+)$/.exec(n);
      if (m) out.set(`${m[1]}_{${m[2]}}`, ` ${v.name} `);
    }
  }
  return [...out.entries()].sort((x, y) => y[0].length - x[0].length);
}
