/**
 * Reading the reference numbers produced by running diffusers at commit 58eb52c (../shared/golden,
 * see its README). Floats are exact; non-finite values are the strings "NaN", "Infinity", "-Infinity".
 * GOLDEN_DIR overrides the location.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DIR = process.env.GOLDEN_DIR ?? fileURLToPath(new URL('../../../../shared/golden/', import.meta.url));

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
