/**
 * Run the reader's code against the reference: draw inputs (seeded), compute the expected values
 * with src/core, send code and inputs to a fresh sandbox worker, compare each result as it
 * arrives, stop at the first failure. A time limit terminates the worker: an infinite loop is
 * reported with the call that did not return, and the page never hangs.
 */
import { mulberry32 } from '../../core/rng.ts';
import type { CodeArg, CodePart } from '../types.ts';
import { compareReturned } from './compare.ts';
import type { Returned, SandboxMessage } from './protocol.ts';
import { inspectCode } from './inspect.ts';
import { FramedSandbox, type SandboxWorker } from './framed-sandbox.ts';

export type Outcome =
  | { ok: true; n: number }
  | { ok: false; kind: 'mismatch' | 'badReturn'; n: number; index: number; args: CodeArg[]; expected: number | number[]; actual: Returned }
  | { ok: false; kind: 'threw'; n: number; index: number; args: CodeArg[]; name: string; message: string }
  | { ok: false; kind: 'timeout'; n: number; index: number | null; args: CodeArg[] | null; seconds: number }
  | { ok: false; kind: 'syntax'; line: number; column: number; message: string }
  | { ok: false; kind: 'forbidden'; what: string; line: number }
  | { ok: false; kind: 'missing' }
  | { ok: false; kind: 'loadError'; name: string; message: string }
  | { ok: false; kind: 'sandboxFailed'; message: string };

export interface RunOptions {
  seed?: number;
  /** Time allowed from the moment the code starts loading to the last result. Default 2000 ms. */
  timeoutMs?: number;
  /** Time allowed for the sandbox itself to start. Default 15000 ms. */
  startupMs?: number;
  /** Creates the worker (tests may pass their own). */
  createWorker?: () => SandboxWorker;
}

/** A fresh sandbox: a worker inside a sandboxed iframe with no network (see framed-sandbox.ts). */
export function createSandbox(): SandboxWorker {
  return new FramedSandbox();
}

export function runCode(code: string, part: CodePart, { seed = 1, timeoutMs = 2000, startupMs = 15_000, createWorker = createSandbox }: RunOptions = {}): Promise<Outcome> {
  // Static checks first, on the page: a syntax error, a literal import, a missing function.
  const inspection = inspectCode(code, part.fn);
  if (!inspection.ok) {
    if (inspection.kind === 'syntax') return Promise.resolve({ ok: false, kind: 'syntax', line: inspection.line, column: inspection.column, message: inspection.message });
    if (inspection.kind === 'forbidden') return Promise.resolve({ ok: false, kind: 'forbidden', what: inspection.what, line: inspection.line });
    return Promise.resolve({ ok: false, kind: 'missing' });
  }
  const inputs = part.inputs(mulberry32(seed));
  const expected = inputs.map((args) => part.reference(...args));
  const n = inputs.length;
  return new Promise((resolve) => {
    let worker: SandboxWorker;
    try {
      worker = createWorker();
    } catch (error) {
      resolve({ ok: false, kind: 'sandboxFailed', message: (error as Error).message });
      return;
    }
    let current: number | null = null;
    let settled = false;
    let timer = setTimeout(() => finish({ ok: false, kind: 'sandboxFailed', message: `no response within ${startupMs / 1000} s` }), startupMs);
    const finish = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.terminate();
      resolve(outcome);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish({ ok: false, kind: 'sandboxFailed', message: event.message || 'the worker failed to load' });
    };
    worker.onmessage = (event: MessageEvent<SandboxMessage>) => {
      const m = event.data;
      switch (m.type) {
        case 'loading':
          clearTimeout(timer);
          timer = setTimeout(
            () => finish({ ok: false, kind: 'timeout', n, index: current, args: current === null ? null : inputs[current], seconds: timeoutMs / 1000 }),
            timeoutMs,
          );
          return;
        case 'ready':
          return;
        case 'start':
          current = m.index;
          return;
        case 'result': {
          const c = compareReturned(m.value, expected[m.index], part.tol);
          if (!c.ok) finish({ ok: false, kind: c.reason, n, index: m.index, args: inputs[m.index], expected: expected[m.index], actual: m.value });
          return;
        }
        case 'threw':
          return finish({ ok: false, kind: 'threw', n, index: m.index, args: inputs[m.index], name: m.name, message: m.message });
        case 'done':
          return finish({ ok: true, n });
        case 'syntax':
          return finish({ ok: false, kind: 'syntax', line: m.line, column: m.column, message: m.message });
        case 'forbidden':
          return finish({ ok: false, kind: 'forbidden', what: m.what, line: m.line });
        case 'missing':
          return finish({ ok: false, kind: 'missing' });
        case 'loadError':
          return finish({ ok: false, kind: 'loadError', name: m.name, message: m.message });
      }
    };
    worker.postMessage({ code, fn: part.fn, inputs });
  });
}
