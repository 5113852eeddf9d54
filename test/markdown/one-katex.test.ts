/**
 * Exactly one KaTeX renders every formula: the one whose CSS the layout ships. rehype-katex and
 * micromark-extension-math declare `katex ^0.16`; a second copy would emit 0.16's class names
 * (`base`, `strut`, `sizing`), which katex 0.19's CSS does not style (package.json `overrides`).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every installed copy of a package: node_modules/<name> at any depth. */
function installedCopies(name: string, dir = 'node_modules', found: { path: string; version: string }[] = [], scope = '') {
  if (!existsSync(dir)) return found;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const full = join(dir, entry.name);
    if (entry.name.startsWith('@')) {
      installedCopies(name, full, found, entry.name + '/');
      continue;
    }
    if (scope + entry.name === name && existsSync(join(full, 'package.json'))) {
      found.push({ path: full, version: JSON.parse(readFileSync(join(full, 'package.json'), 'utf8')).version });
    }
    if (existsSync(join(full, 'node_modules'))) installedCopies(name, join(full, 'node_modules'), found);
  }
  return found;
}

describe('KaTeX in the dependency tree', () => {
  it('is installed once, at the version package.json declares', () => {
    const copies = installedCopies('katex');
    const declared = JSON.parse(readFileSync('package.json', 'utf8')).dependencies.katex as string;
    expect(copies).toEqual([{ path: join('node_modules', 'katex'), version: declared }]);
  });

  it('is locked once in package-lock.json', () => {
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, unknown> };
    expect(Object.keys(lock.packages).filter((k) => k.endsWith('node_modules/katex'))).toEqual(['node_modules/katex']);
  });
});
