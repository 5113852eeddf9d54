/** Code parts in the page: run the reader's function in the sandbox and say what happened. */
import type { CodePart } from '../../exercises/types.ts';
import { runCode, type Outcome } from '../../exercises/code/run.ts';
import { mulberry32 } from '../../core/rng.ts';
import { callText, returnedText } from '../../exercises/code/compare.ts';
import type { Lookup } from '../param-messages.ts';
import { pageData } from './page.ts';
import { jsSyntaxReason } from '../../exercises/code/syntax-reasons.ts';
import { fmt, show, type Message } from './feedback.ts';

function expectedText(e: number | number[]): string {
  return Array.isArray(e) ? `[${e.slice(0, 6).map(fmt).join(', ')}${e.length > 6 ? ', …' : ''}]` : fmt(e);
}

export function outcomeMessage(tr: Lookup, part: CodePart, o: Outcome): Message {
  if (o.ok) return { tone: 'correct', lines: [tr('ex.code.pass', { n: o.n })] };
  const call = (args: readonly unknown[] | null) => (args ? callText(part.fn, args) : '');
  switch (o.kind) {
    case 'mismatch':
      return { tone: 'wrong', lines: [tr('ex.code.mismatch', { index: o.index + 1, n: o.n, call: call(o.args), expected: expectedText(o.expected), actual: returnedText(o.actual) })] };
    case 'badReturn':
      return { tone: 'wrong', lines: [tr('ex.code.badReturn', { index: o.index + 1, n: o.n, call: call(o.args), actual: returnedText(o.actual) })] };
    case 'threw':
      return { tone: 'wrong', lines: [tr('ex.code.threw', { index: o.index + 1, n: o.n, call: call(o.args), name: o.name, message: o.message })] };
    case 'timeout':
      return {
        tone: 'wrong',
        lines: [o.index === null ? tr('ex.code.timeoutLoading', { seconds: o.seconds }) : tr('ex.code.timeout', { seconds: o.seconds, call: call(o.args) })],
      };
    case 'syntax':
    {
      // In the page's language where the parser's message is a known one; otherwise as written.
      const reason = jsSyntaxReason(o.message);
      const message = reason ? tr(`ex.code.syntaxReason.${reason.kind}`, { token: 'token' in reason ? reason.token : '' }) : o.message;
      return { tone: 'wrong', lines: [tr('ex.code.syntax', { line: o.line, column: o.column, message })] };
    }
    case 'forbidden':
      return { tone: 'wrong', lines: [tr('ex.code.forbidden', { line: o.line, what: o.what })] };
    case 'missing':
      return { tone: 'wrong', lines: [tr('ex.code.missing', { fn: part.fn, args: part.args.join(', ') })] };
    case 'loadError':
      return { tone: 'wrong', lines: [tr('ex.code.loadError', { message: `${o.name}: ${o.message}` })] };
    case 'sandboxFailed':
      return { tone: 'wrong', lines: [tr('ex.code.sandboxFailed', { message: o.message })] };
  }
}

export async function runCodePart(part: CodePart, code: string, region: HTMLElement): Promise<{ message: Message; correct: boolean; counted: boolean }> {
  const { tr } = pageData();
  show(region, { tone: 'info', lines: [tr('ex.code.running', { n: part.inputs(mulberry32(1)).length })] });
  const outcome = await runCode(code, part);
  const counted = outcome.ok || outcome.kind !== 'sandboxFailed';
  return { message: outcomeMessage(tr, part, outcome), correct: outcome.ok, counted };
}

