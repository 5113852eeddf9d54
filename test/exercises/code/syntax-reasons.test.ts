import { describe, expect, it } from 'vitest';
import { inspectCode } from '../../../src/exercises/code/inspect.ts';
import { jsSyntaxReason } from '../../../src/exercises/code/syntax-reasons.ts';
import { LANGS, t, type UiKey } from '../../../src/i18n/index.ts';

/** The message acorn gives for `code` (the static check the page runs first). */
function acornMessage(code: string): string {
  const r = inspectCode(code, 'f');
  if (r.ok || r.kind !== 'syntax') throw new Error(`no syntax error for ${code}`);
  return r.message;
}

describe('jsSyntaxReason()', () => {
  it.each([
    ['function f() { return 1 +; }', 'unexpectedToken'],
    ['function f( { return 1 }', 'unexpectedKeyword'],
    ['function f() { return "x }', 'unterminatedString'],
    ['function f() { return `x }', 'unterminatedTemplate'],
    ['function f() { /* x }', 'unterminatedComment'],
    ['function f() { return 1 # 2 }', 'unexpectedChar'],
    ['function f() { let a = 1; let a = 2; }', 'redeclared'],
    ['return 1', 'returnOutside'],
    ['function f() { 1 = 2 }', 'assignRvalue'],
  ])('reads acorn’s message for %s as %s', (code, kind) => {
    expect(jsSyntaxReason(acornMessage(code))).toMatchObject({ kind });
  });

  it('reads the engine’s messages the worker can report', () => {
    expect(jsSyntaxReason("Unexpected token '}'")).toEqual({ kind: 'unexpectedTokenNamed', token: '}' });
    expect(jsSyntaxReason('Unexpected end of input')).toEqual({ kind: 'unexpectedEnd' });
    expect(jsSyntaxReason('missing ) after argument list')).toEqual({ kind: 'missingParen' });
    expect(jsSyntaxReason('Something else entirely')).toBeNull();
  });

  it('every reason has a sentence in both languages', () => {
    const kinds = ['unexpectedToken', 'unexpectedTokenNamed', 'unexpectedChar', 'unterminatedString', 'unterminatedTemplate', 'unterminatedComment', 'unterminatedRegex', 'unexpectedEnd', 'unexpectedKeyword', 'redeclared', 'reservedWord', 'returnOutside', 'assignRvalue', 'missingParen'];
    for (const lang of LANGS) for (const kind of kinds) expect(t(lang, `ex.code.syntaxReason.${kind}` as UiKey)).not.toContain('ex.code');
  });
});
