/**
 * The golden files in test/fixtures/diffusers-golden/ are copies of the shared reference directory
 * (../shared/golden next to the repository on the team's machines) and must never be edited. When the
 * shared originals are reachable, every file must be byte-identical; on a machine without them (a bare
 * clone elsewhere) the copies are what the tests use and this check has nothing to compare.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const copy = fileURLToPath(new URL('../../fixtures/diffusers-golden/', import.meta.url));
const shared = fileURLToPath(new URL('../../../../shared/golden/', import.meta.url));

describe('golden fixtures', () => {
  it('hold the five files produced by diffusers', () => {
    expect(readdirSync(copy).sort()).toEqual(['README.md', 'alphas_cumprod.json', 'full_loop.json', 'step_float64.json', 'timesteps.json']);
  });
  it.runIf(existsSync(shared))('are byte-identical to the shared originals', () => {
    for (const name of readdirSync(shared)) {
      expect(readFileSync(`${copy}${name}`).equals(readFileSync(`${shared}${name}`)), name).toBe(true);
    }
  });
});
