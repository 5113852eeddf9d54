/**
 * Reading the reference numbers produced by running diffusers at commit 58eb52c (see the README in
 * test/fixtures/diffusers-golden/). The files there are verbatim copies of the team's shared golden
 * directory, kept in the repository so that a clean clone can run the tests anywhere;
 * golden-copy.test.ts checks that they are still byte-identical to the shared originals when those
 * are present. Floats are exact; non-finite values are the strings "NaN", "Infinity", "-Infinity".
 * GOLDEN_DIR overrides the location.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DIR = process.env.GOLDEN_DIR ?? fileURLToPath(new URL('../../fixtures/diffusers-golden/', import.meta.url));

export function readGolden<T = any>(name: string): T {
  return decode(JSON.parse(readFileSync(`${DIR.replace(/\/?$/, '/')}${name}`, 'utf8'))) as T;
}

function decode(x: unknown): unknown {
  if (x === 'NaN') return NaN;
  if (x === 'Infinity') return Infinity;
  if (x === '-Infinity') return -Infinity;
  if (Array.isArray(x)) return x.map(decode);
  if (x !== null && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, decode(v)]));
  return x;
}
