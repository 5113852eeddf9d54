/**
 * Every code exercise: its model solution passes the same comparison the sandbox makes, and its
 * starter code does not (so the test is not one that cannot fail). The code runs in a Node vm
 * context here; in the page it runs in a Web Worker.
 */
import { describe, expect, it } from 'vitest';
import vm from 'node:vm';
import { ALL, TEXTS } from '../../../src/exercises/catalog/all.ts';
import { compareReturned, describeValue } from '../../../src/exercises/code/compare.ts';
import { inspectCode } from '../../../src/exercises/code/inspect.ts';
import { mulberry32 } from '../../../src/core/rng.ts';
import type { CodePart } from '../../../src/exercises/types.ts';

function passes(code: string, part: CodePart): boolean {
  const context = vm.createContext({});
  // Only a guard against a runaway loop in a solution; generous so a loaded machine does not trip it.
  vm.runInContext(code, context, { timeout: 30_000 });
  const f = vm.runInContext(part.fn, context) as (...a: unknown[]) => unknown;
  return part.inputs(mulberry32(1)).every((args) => compareReturned(describeValue(f(...structuredClone(args))), part.reference(...args), part.tol).ok);
}

const codeParts = ALL.flatMap((e) => e.parts.filter((p): p is CodePart => p.kind === 'code').map((p) => [e.id, p] as const));

describe.each(codeParts)('%s', (id, part) => {
  it('the model solution passes and declares the function', () => {
    expect(inspectCode(part.solution, part.fn)).toEqual({ ok: true });
    expect(passes(part.solution, part)).toBe(true);
  });
  it('the starter code, in both languages, parses but does not pass', () => {
    for (const lang of ['en', 'zh'] as const) {
      const starter = TEXTS[id][lang].parts[part.id].starter!;
      expect(inspectCode(starter, part.fn)).toEqual({ ok: true });
      expect(passes(starter, part)).toBe(false);
    }
  });
});
