import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { cutLines } from '../../src/components/source/cut-lines.ts';
import { extractDeclaration } from '../../src/components/source/extract-declaration.ts';

const code = ['function f() {', '  const a = 1;', '  // 1. first', '  a + 1;', '', '  // 2. second', '  return a;', '}'].join('\n');

describe('cutLines', () => {
  it('cuts from a marker to the next, dedented, without trailing blank lines', () => {
    expect(cutLines(code, '// 1.', '// 2.')).toBe('// 1. first\na + 1;');
    // To the end of the declaration: the closing brace has no indentation, so nothing is removed.
    expect(cutLines(code, '// 2.')).toBe('  // 2. second\n  return a;\n}');
  });
  it('throws when a marker is missing, so a page cannot show the wrong lines', () => {
    expect(() => cutLines(code, '// 9.')).toThrow(/no line starts with "\/\/ 9\."/);
    expect(() => cutLines(code, '// 1.', '// 9.')).toThrow(/no line after/);
  });
  it('finds every marker the DDIM-step chapter uses in ddimStepCore', () => {
    const source = extractDeclaration(readFileSync(new URL('../../src/core/scheduler/ddim-step.ts', import.meta.url), 'utf8'), 'ddimStepCore');
    for (const [from, to] of [['const sqrtAlphaProdT', '// 4.'], ['// 4.', '// 5.'], ['// 5.', '// 6.'], ['// 6.', undefined]] as const) {
      expect(cutLines(source, from, to).length).toBeGreaterThan(20);
    }
  });
});
