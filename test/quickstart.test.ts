/**
 * The README's quick start is the contract with a new user and with CI: exactly two commands,
 * the second `npm test`, and .ci/run runs both of them verbatim.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

const readme = readFileSync('README.md', 'utf8');
const ci = readFileSync('.ci/run', 'utf8');
const quickStart = /## Quick start[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
const commands = quickStart.split('\n').filter((l) => l.trim() !== '');

describe('README quick start', () => {
  it('has exactly two commands: install-and-serve, then npm test', () => {
    expect(commands).toEqual(['npm ci && npm start', 'npm test']);
  });
  it('is what .ci/run runs', () => {
    expect(ci).toContain(`bash -c "${commands[0]}"`);
    expect(ci).toMatch(new RegExp(`^${commands[1]}$`, 'm'));
  });
  it('npm test type-checks, unit-tests, builds and browser-tests, in that order', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    const steps = pkg.scripts.test.split('&&').map((s) => s.trim());
    expect(steps).toEqual([
      'node scripts/require-chromium.mjs',
      'npm run check',
      'vitest run --project unit',
      'npm run build',
      'vitest run --project browser',
    ]);
    expect(pkg.scripts.check).toBe('astro check && tsc --noEmit');
  });
});
