/** Messages between the page and the code sandbox (a module Web Worker). */
import type { CodeArg } from '../types.ts';

export interface RunRequest {
  code: string;
  fn: string;
  inputs: CodeArg[][];
}

/** A returned value, described so that it survives postMessage whatever it was. */
export type Returned = { kind: 'number'; value: number } | { kind: 'array'; values: number[] } | { kind: 'other'; text: string };

export type SandboxMessage =
  | { type: 'syntax'; line: number; column: number; message: string }
  | { type: 'forbidden'; what: string; line: number }
  | { type: 'missing' }
  | { type: 'loading' }
  | { type: 'loadError'; name: string; message: string }
  | { type: 'ready' }
  | { type: 'start'; index: number }
  | { type: 'result'; index: number; value: Returned }
  | { type: 'threw'; index: number; name: string; message: string }
  | { type: 'done' };
