import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { extractDeclaration, listDeclarations } from '../../src/components/source/extract-declaration.ts';

const source = `import x from 'y';

/** Doc for f. */
export function f(a: number): number {
  return a + 1;
}

export const g = (b: string) => b;

interface H {
  k: number;
}
`;

describe('extractDeclaration()', () => {
  it('cuts a function with its doc comment, and nothing else', () => {
    expect(extractDeclaration(source, 'f')).toBe('/** Doc for f. */\nexport function f(a: number): number {\n  return a + 1;\n}');
  });
  it('cuts const and interface declarations', () => {
    expect(extractDeclaration(source, 'g')).toBe('export const g = (b: string) => b;');
    expect(extractDeclaration(source, 'H')).toBe('interface H {\n  k: number;\n}');
  });
  it('throws, listing what the file declares, for an unknown name', () => {
    expect(() => extractDeclaration(source, 'nope', 'src/x.ts')).toThrow('src/x.ts has no top-level declaration "nope"; it declares: f, g, H');
  });
  it('finds the functions the chapters show', () => {
    const alphas = readFileSync('src/core/schedule/alphas.ts', 'utf8');
    expect(listDeclarations(alphas)).toContain('alphasFromBetas');
    expect(extractDeclaration(alphas, 'alphasFromBetas')).toMatch(/^\/\*\*[\s\S]*export function alphasFromBetas[\s\S]*\}$/);
  });
});
