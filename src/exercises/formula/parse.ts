/**
 * Formula answers: parsed by mathjs's expression parser (never evaluated by it, never by eval),
 * then checked node by node and turned into a plain closure over the allowed operations.
 *
 * Allowed: numbers, the declared variables (and their aliases), the constants pi/π and e,
 * + − × / ^ (and implicit multiplication), parentheses, and the functions in FUNCTIONS.
 * Everything else gets a specific error: a syntax error with its position, the unknown symbols,
 * unknown functions, or the construct that is not allowed (an "=", a matrix, a comparison…).
 */
import { create, parseDependencies, type MathNode } from 'mathjs';
import { normalizeInput } from './normalize.ts';
import { bracedSpellings } from './help-examples.ts';
import type { FormulaVar } from '../types.ts';

const math = create({ parseDependencies });

export const FUNCTIONS: Record<string, { arity: number; f: (...a: number[]) => number }> = {
  sqrt: { arity: 1, f: Math.sqrt },
  exp: { arity: 1, f: Math.exp },
  log: { arity: 1, f: Math.log },
  ln: { arity: 1, f: Math.log },
  abs: { arity: 1, f: Math.abs },
  sin: { arity: 1, f: Math.sin },
  cos: { arity: 1, f: Math.cos },
  tan: { arity: 1, f: Math.tan },
  asin: { arity: 1, f: Math.asin },
  acos: { arity: 1, f: Math.acos },
  atan: { arity: 1, f: Math.atan },
  pow: { arity: 2, f: Math.pow },
};

const CONSTANTS: Record<string, number> = { pi: Math.PI, π: Math.PI, e: Math.E };

export const MAX_LENGTH = 600;

/**
 * What a parse error means, for the errors a formula answer can hit, so the page can say it in the
 * reader's language (mathjs's own message is English). Other parser messages keep `reason: null`.
 */
export type SyntaxReason =
  | { kind: 'closeParen' | 'closeBracket' | 'valueExpected' | 'unexpectedEnd' }
  | { kind: 'unexpectedOperator' | 'unexpectedPart' | 'digitExpected' | 'unclosedString'; token: string };

const SYNTAX_REASONS: [RegExp, (m: RegExpMatchArray) => SyntaxReason][] = [
  [/^Parenthesis \) expected/, () => ({ kind: 'closeParen' })],
  [/^(Parenthesis|End of matrix) \] expected/, () => ({ kind: 'closeBracket' })],
  [/^Value expected/, () => ({ kind: 'valueExpected' })],
  [/^Unexpected end of expression/, () => ({ kind: 'unexpectedEnd' })],
  [/^Unexpected operator (.+)$/, (m) => ({ kind: 'unexpectedOperator', token: m[1] })],
  [/^(?:Unexpected part|Syntax error in part) "(.*)"$/, (m) => ({ kind: 'unexpectedPart', token: m[1] })],
  [/^Digit expected, got "(.*)"$/, (m) => ({ kind: 'digitExpected', token: m[1] })],
  [/^End of string (.) expected$/, (m) => ({ kind: 'unclosedString', token: m[1] })],
];

/** The meaning of a mathjs parse message (without its "(char n)" suffix), or null if it is not one a formula answer can hit. */
export function syntaxReason(message: string): SyntaxReason | null {
  for (const [pattern, read] of SYNTAX_REASONS) {
    const m = message.match(pattern);
    if (m) return read(m);
  }
  return null;
}

export type FormulaError =
  | { code: 'empty' }
  | { code: 'tooLong'; max: number }
  | { code: 'syntax'; position: number; message: string; reason: SyntaxReason | null }
  | { code: 'unknownSymbols'; symbols: string[]; suggestions: Record<string, string> }
  | { code: 'functionNeedsParens'; name: string }
  | { code: 'unknownFunctions'; names: string[] }
  | { code: 'wrongArity'; name: string; expected: number; got: number }
  | { code: 'unsupported'; construct: string };

export type Evaluator = (vars: Record<string, number>) => number;

export type Compiled = { ok: true; evaluate: Evaluator; symbols: Set<string> } | { ok: false; error: FormulaError };

class Reject extends Error {
  constructor(readonly error: FormulaError) {
    super(error.code);
  }
}

/** Parse and compile `input` against the declared variables. Never throws on reader input. */
export function compileFormula(input: string, vars: readonly FormulaVar[]): Compiled {
  if (input.trim() === '') return { ok: false, error: { code: 'empty' } };
  if (input.length > MAX_LENGTH) return { ok: false, error: { code: 'tooLong', max: MAX_LENGTH } };
  const { text, origin } = normalizeInput(input, bracedSpellings(vars));
  let tree: MathNode;
  try {
    tree = math.parse(text);
  } catch (error) {
    const e = error as Error & { char?: number };
    const at = typeof e.char === 'number' ? Math.min(Math.max(e.char - 1, 0), text.length) : text.length;
    const message = e.message.replace(/\s*\(char \d+\)\s*$/, '');
    return { ok: false, error: { code: 'syntax', position: origin[at], message, reason: syntaxReason(message) } };
  }
  const names = new Map<string, string>();
  for (const v of vars) for (const n of [v.name, ...(v.aliases ?? [])]) names.set(n, v.name);
  const unknown = new Set<string>();
  const unknownFns = new Set<string>();
  const used = new Set<string>();
  try {
    const evaluate = build(tree, { names, unknown, unknownFns, used });
    if (unknown.size > 0) {
      const symbols = [...unknown];
      const bare = symbols.find((s) => s in FUNCTIONS);
      if (bare) return { ok: false, error: { code: 'functionNeedsParens', name: bare } };
      return { ok: false, error: { code: 'unknownSymbols', symbols, suggestions: suggest(symbols, vars) } };
    }
    if (unknownFns.size > 0) return { ok: false, error: { code: 'unknownFunctions', names: [...unknownFns] } };
    return { ok: true, evaluate, symbols: used };
  } catch (error) {
    if (error instanceof Reject) return { ok: false, error: error.error };
    throw error;
  }
}

interface Scope {
  names: Map<string, string>;
  unknown: Set<string>;
  unknownFns: Set<string>;
  used: Set<string>;
}

const BINARY: Record<string, (a: number, b: number) => number> = {
  add: (a, b) => a + b,
  subtract: (a, b) => a - b,
  multiply: (a, b) => a * b,
  divide: (a, b) => a / b,
  pow: (a, b) => Math.pow(a, b),
};

function build(node: MathNode, scope: Scope): Evaluator {
  const n = node as MathNode & Record<string, unknown>;
  switch (node.type) {
    case 'ConstantNode': {
      const value = n.value;
      if (typeof value !== 'number') throw new Reject({ code: 'unsupported', construct: typeof value === 'string' ? 'string' : String(value) });
      return () => value;
    }
    case 'ParenthesisNode':
      return build(n.content as MathNode, scope);
    case 'SymbolNode': {
      const name = n.name as string;
      const canonical = scope.names.get(name);
      if (canonical) {
        scope.used.add(canonical);
        return (v) => v[canonical];
      }
      if (name in CONSTANTS) {
        const c = CONSTANTS[name];
        return () => c;
      }
      scope.unknown.add(name);
      return () => NaN;
    }
    case 'OperatorNode': {
      const fn = n.fn as string;
      const args = (n.args as MathNode[]).map((a) => build(a, scope));
      if (fn === 'unaryMinus' && args.length === 1) return (v) => -args[0](v);
      if (fn === 'unaryPlus' && args.length === 1) return args[0];
      const op = BINARY[fn];
      if (op && args.length === 2) {
        const [a, b] = args;
        return (v) => op(a(v), b(v));
      }
      throw new Reject({ code: 'unsupported', construct: `${n.op as string}` });
    }
    case 'FunctionNode': {
      const fnNode = n.fn as MathNode & { name?: string };
      const name = fnNode.type === 'SymbolNode' ? (fnNode.name as string) : '';
      const args = (n.args as MathNode[]).map((a) => build(a, scope));
      const spec = FUNCTIONS[name];
      if (!spec) {
        // "a_t(1 - a_t)" parses as a call of a_t; the reader means a product.
        if ((scope.names.has(name) || name in CONSTANTS) && args.length === 1) {
          const factor = build(fnNode, scope);
          const [a] = args;
          return (v) => factor(v) * a(v);
        }
        scope.unknownFns.add(name || '?');
        return () => NaN;
      }
      if (args.length !== spec.arity) throw new Reject({ code: 'wrongArity', name, expected: spec.arity, got: args.length });
      const f = spec.f;
      if (spec.arity === 1) {
        const [a] = args;
        return (v) => f(a(v));
      }
      const [a, b] = args;
      return (v) => f(a(v), b(v));
    }
    case 'AssignmentNode':
    case 'FunctionAssignmentNode':
      throw new Reject({ code: 'unsupported', construct: '=' });
    case 'ArrayNode':
      throw new Reject({ code: 'unsupported', construct: '[ ]' });
    case 'ConditionalNode':
      throw new Reject({ code: 'unsupported', construct: '? :' });
    case 'RelationalNode':
      throw new Reject({ code: 'unsupported', construct: '< >' });
    case 'BlockNode':
      throw new Reject({ code: 'unsupported', construct: ';' });
    default:
      throw new Reject({ code: 'unsupported', construct: node.type.replace(/Node$/, '') });
  }
}

/** "alpha_t" → "a_t": a known variable whose name or alias is close to the unknown one. */
function suggest(unknown: string[], vars: readonly FormulaVar[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const u of unknown) {
    let best = '';
    let bestDistance = Infinity;
    for (const v of vars) {
      for (const candidate of [v.name, ...(v.aliases ?? [])]) {
        const d = editDistance(u.toLowerCase(), candidate.toLowerCase());
        if (d < bestDistance) {
          bestDistance = d;
          best = v.name;
        }
      }
    }
    if (best && bestDistance <= Math.max(2, Math.floor(u.length / 3))) out[u] = best;
  }
  return out;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}
