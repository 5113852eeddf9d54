/// <reference lib="webworker" />
/**
 * The code sandbox: a module Web Worker, started from a blob: URL inside a sandboxed iframe whose
 * Content-Security-Policy it inherits (framed-sandbox.ts): no network, no eval, no remote script.
 * It loads the reader's code (already inspected by the page) as a module from a Blob URL, calls
 * the function on each input and posts every result back. The page enforces the time limit by
 * removing the frame, so an infinite loop here can never freeze the page.
 */
import { describeValue } from './compare.ts';
import type { RunRequest, SandboxMessage } from './protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

const post = (m: SandboxMessage) => self.postMessage(m);
const EXPORT = '__exerciseFunction__';

self.onmessage = async (event: MessageEvent<RunRequest>) => {
  const { code, fn, inputs } = event.data;
  // Exercises are pure computations. The policy already blocks every request; the names go too,
  // so that a call fails with a plain TypeError rather than a policy report.
  for (const name of ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'importScripts'] as const) {
    try {
      Object.defineProperty(self, name, { value: undefined, configurable: false, writable: false });
    } catch {
      /* already gone */
    }
  }
  const url = URL.createObjectURL(new Blob([`${code}\n;export { ${fn} as ${EXPORT} };\n`], { type: 'text/javascript' }));
  post({ type: 'loading' });
  let f: unknown;
  try {
    const module = (await import(/* @vite-ignore */ url)) as Record<string, unknown>;
    f = module[EXPORT];
  } catch (error) {
    const e = error as Error;
    post({ type: 'loadError', name: e?.name ?? 'Error', message: String(e?.message ?? error) });
    return;
  } finally {
    URL.revokeObjectURL(url);
  }
  if (typeof f !== 'function') {
    post({ type: 'missing' });
    return;
  }
  post({ type: 'ready' });
  for (let index = 0; index < inputs.length; index++) {
    post({ type: 'start', index });
    try {
      const args = structuredClone(inputs[index]);
      post({ type: 'result', index, value: describeValue((f as (...a: unknown[]) => unknown)(...args)) });
    } catch (error) {
      const e = error as Error;
      post({ type: 'threw', index, name: e?.name ?? 'Error', message: String(e?.message ?? error).slice(0, 300) });
      return;
    }
  }
  post({ type: 'done' });
};
