/**
 * What a JavaScript syntax error means, for the messages a reader's code can get from acorn (the
 * static check) or from the browser's engine (V8, when the worker loads the code), so the page can
 * say it in its own language. Other messages keep `reason: null` and are shown as the parser wrote them.
 */
export type JsSyntaxReason =
  | { kind: 'unexpectedToken' | 'unterminatedString' | 'unterminatedTemplate' | 'unterminatedComment' | 'unterminatedRegex' | 'unexpectedEnd' | 'returnOutside' | 'assignRvalue' | 'missingParen' }
  | { kind: 'unexpectedTokenNamed' | 'unexpectedChar' | 'unexpectedKeyword' | 'redeclared' | 'reservedWord'; token: string };

const REASONS: [RegExp, (m: RegExpMatchArray) => JsSyntaxReason][] = [
  [/^(Unexpected token|Invalid or unexpected token)$/, () => ({ kind: 'unexpectedToken' })],
  [/^Unexpected token '(.+)'$/, (m) => ({ kind: 'unexpectedTokenNamed', token: m[1] })],
  [/^Unexpected character '(.+)'$/, (m) => ({ kind: 'unexpectedChar', token: m[1] })],
  [/^(Unterminated string constant|Invalid or unexpected token: unterminated string)$/, () => ({ kind: 'unterminatedString' })],
  [/^(Unterminated template|Unterminated template literal)$/, () => ({ kind: 'unterminatedTemplate' })],
  [/^Unterminated comment$/, () => ({ kind: 'unterminatedComment' })],
  [/^(Unterminated regular expression|Invalid regular expression: missing \/)$/, () => ({ kind: 'unterminatedRegex' })],
  [/^Unexpected end of input$/, () => ({ kind: 'unexpectedEnd' })],
  [/^Unexpected keyword '(.+)'$/, (m) => ({ kind: 'unexpectedKeyword', token: m[1] })],
  [/^Identifier '(.+)' has already been declared$/, (m) => ({ kind: 'redeclared', token: m[1] })],
  [/^The keyword '(.+)' is reserved$/, (m) => ({ kind: 'reservedWord', token: m[1] })],
  [/^('return' outside of function|Illegal return statement)$/, () => ({ kind: 'returnOutside' })],
  [/^(Assigning to rvalue|Invalid left-hand side in assignment)$/, () => ({ kind: 'assignRvalue' })],
  [/^missing \) after argument list$/, () => ({ kind: 'missingParen' })],
];

export function jsSyntaxReason(message: string): JsSyntaxReason | null {
  for (const [pattern, read] of REASONS) {
    const m = message.match(pattern);
    if (m) return read(m);
  }
  return null;
}
