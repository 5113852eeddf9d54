/**
 * The golden files in test/fixtures/diffusers-golden/ are copies of the shared reference directory
 * (../shared/golden next to the repository on the team's machines) and must never be edited. Their
 * SHA-256 digests, taken from the shared originals, are committed beside them
 * (test/fixtures/diffusers-golden.sha256.json), so every clone checks its copies; where the
 * originals are reachable, the digests are checked against them too.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const copy = fileURLToPath(new URL('../../fixtures/diffusers-golden/', import.meta.url));
const shared = fileURLToPath(new URL('../../../../shared/golden/', import.meta.url));
const manifest = JSON.parse(readFileSync(new URL('../../fixtures/diffusers-golden.sha256.json', import.meta.url), 'utf8')) as Record<string, string>;
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('golden fixtures', () => {
  it('hold the five files produced by diffusers', () => {
    expect(readdirSync(copy).sort()).toEqual(['README.md', 'alphas_cumprod.json', 'full_loop.json', 'step_float64.json', 'timesteps.json']);
  });
  it('are byte-identical to the shared originals (by their committed digests, and directly where the originals are reachable)', () => {
    expect(Object.keys(manifest).sort()).toEqual(readdirSync(copy).sort());
    for (const [name, digest] of Object.entries(manifest)) expect(sha256(`${copy}${name}`), name).toBe(digest);
    if (existsSync(shared)) {
      for (const name of readdirSync(shared)) expect(sha256(`${shared}${name}`), `shared ${name}`).toBe(manifest[name]);
    }
  });
});
