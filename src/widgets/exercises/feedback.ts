/**
 * Turning verdicts into what the reader sees: short sentences in their language, the known
 * mistake's own explanation (a build-time rendered <template> in the card, math included), and
 * for syntax errors the typed text with a caret under the position.
 */
import type { Lookup } from '../param-messages.ts';
import type { UiKey } from '../../i18n/index.ts';
import type { FormulaError } from '../../exercises/formula/parse.ts';
import type { FormulaVerdict } from '../../exercises/formula/check.ts';
import type { NumberVerdict } from '../../exercises/numeric.ts';
import type { FormulaVar } from '../../exercises/types.ts';
import { NUMBER_EXAMPLES } from '../../exercises/formula/help-examples.ts';
import { FUNCTION_NAMES } from './function-names.ts';

export type Tone = 'correct' | 'wrong' | 'info';

export interface Message {
  tone: Tone;
  lines: (string | Node)[];
}

export function fmt(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  const abs = Math.abs(x);
  const s = abs !== 0 && (abs < 1e-3 || abs >= 1e5) ? x.toExponential(3) : String(Number(x.toPrecision(5)));
  return s.replace('-', '−');
}

export function pointText(point: Record<string, number>, vars: readonly FormulaVar[]): string {
  return vars
    .filter((v) => v.name in point)
    .map((v) => `${v.symbol} = ${fmt(point[v.name])}`)
    .join(', ');
}

/** A <pre> showing the typed text with ^ under `position`. */
export function caret(input: string, position: number): HTMLElement {
  const pre = document.createElement('pre');
  pre.className = 'ex-caret';
  pre.setAttribute('aria-hidden', 'true');
  const line = input.replace(/\n/g, ' ');
  pre.textContent = `${line}\n${' '.repeat(Math.min(position, line.length))}^`;
  return pre;
}

export function templateNode(card: HTMLElement, key: string | undefined): Node | null {
  if (!key) return null;
  const template = card.querySelector<HTMLTemplateElement>(`template[data-feedback-template="${CSS.escape(key)}"]`);
  if (!template) return null;
  const span = document.createElement('span');
  span.className = 'ex-feedback-detail';
  span.append(template.content.cloneNode(true));
  return span;
}

export function formulaErrorLines(tr: Lookup, error: FormulaError, input: string, vars: readonly FormulaVar[]): (string | Node)[] {
  const names = vars.map((v) => v.name).join(', ');
  switch (error.code) {
    case 'empty':
      return [tr('ex.fb.empty')];
    case 'tooLong':
      return [tr('ex.fb.tooLong', { max: error.max })];
    case 'syntax':
      return [tr('ex.fb.syntax', { pos: error.position + 1, message: error.reason ? tr(`ex.fb.syntaxReason.${error.reason.kind}`, { token: 'token' in error.reason ? error.reason.token : '' }) : error.message }), caret(input, error.position)];
    case 'unknownSymbols': {
      const hints = Object.entries(error.suggestions).map(([typed, name]) => tr('ex.fb.didYouMean', { typed, name }));
      // A number answer has no variables: say it wants a number, not "you can use: —".
      if (vars.length === 0) return [tr('ex.fb.notANumber', { symbols: error.symbols.join(', '), plain: NUMBER_EXAMPLES[0], arithmetic: NUMBER_EXAMPLES[2] })];
      return [tr('ex.fb.unknownSymbols', { symbols: error.symbols.join(', '), vars: names }), ...hints];
    }
    case 'functionNeedsParens':
      return [tr('ex.fb.functionNeedsParens', { name: error.name })];
    case 'unknownFunctions':
      return [tr('ex.fb.unknownFunctions', { names: error.names.join(', '), functions: FUNCTION_NAMES.join(', ') })];
    case 'wrongArity':
      return [tr('ex.fb.wrongArity', { name: error.name, expected: error.expected, got: error.got })];
    case 'unsupported':
      return [tr('ex.fb.unsupported', { construct: error.construct })];
  }
}

export function formulaMessage(tr: Lookup, card: HTMLElement, verdict: FormulaVerdict, input: string, vars: readonly FormulaVar[]): Message {
  if (verdict.error) return { tone: 'wrong', lines: formulaErrorLines(tr, verdict.error, input, vars) };
  if (verdict.ok) return { tone: 'correct', lines: [tr('ex.fb.correct')] };
  const lines: (string | Node)[] = [tr('ex.fb.wrong')];
  const symbolOf = (name: string) => vars.find((v) => v.name === name)?.symbol ?? name;
  if (verdict.probe) {
    const { symbol, matches, fails } = verdict.probe;
    lines.push(tr('ex.fb.probe', { matches: matches.map((m) => `${symbol} = ${fmt(m)}`).join(tr('ex.fb.and')), symbol, fails: fmt(fails) }));
  }
  const detail = templateNode(card, verdict.mistake);
  if (detail) lines.push(detail);
  else if (verdict.factor !== undefined) lines.push(Math.abs(verdict.factor + 1) < 1e-9 ? tr('ex.fb.sign') : tr('ex.fb.factor', { factor: fmt(verdict.factor) }));
  if (verdict.missing) lines.push(tr('ex.fb.missing', { vars: verdict.missing.map(symbolOf).join(', ') }));
  if (verdict.extra) lines.push(tr('ex.fb.extra', { vars: verdict.extra.map(symbolOf).join(', ') }));
  if (verdict.nonFinite) lines.push(tr('ex.fb.nonFinite', { point: pointText(verdict.nonFinite.point, vars) }));
  else if (verdict.counterexample) {
    const c = verdict.counterexample;
    lines.push(tr('ex.fb.counterexample', { point: pointText(c.point, vars), expected: fmt(c.expected), actual: fmt(c.actual) }));
  }
  return { tone: 'wrong', lines };
}

export function numberMessage(tr: Lookup, card: HTMLElement, verdict: NumberVerdict): Message {
  if (verdict.ok) return { tone: 'correct', lines: [tr('ex.fb.correctNumber', { expected: fmt(verdict.expected) })] };
  const lines: (string | Node)[] = [tr('ex.fb.wrongNumber')];
  const detail = templateNode(card, verdict.mistake);
  if (detail) lines.push(detail);
  else if (verdict.slip) lines.push(tr(`ex.fb.slip.${verdict.slip}` as UiKey));
  return { tone: 'wrong', lines };
}

/** Replace a feedback region's content. */
export function show(region: HTMLElement, message: Message): void {
  region.dataset.tone = message.tone;
  region.replaceChildren(
    ...message.lines.map((line) => {
      if (typeof line !== 'string') return line;
      const p = document.createElement('p');
      p.textContent = line;
      return p;
    }),
  );
  const first = region.firstElementChild;
  if (first && message.tone !== 'info') {
    const mark = document.createElement('span');
    mark.className = 'ex-tone';
    mark.setAttribute('aria-hidden', 'true');
    mark.textContent = message.tone === 'correct' ? '✓ ' : '✗ ';
    first.prepend(mark);
  }
}
