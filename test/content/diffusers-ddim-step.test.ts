/**
 * The chapter "diffusers' DDIM step, line by line": every displayed equation (each $$ block, in
 * both languages) is preceded by a `{/* claim: id *\/}` marker naming the identity in
 * src/core/scheduler/identities.ts that evaluates both of its sides, and every identity is used.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STEP_IDENTITIES } from '../../src/core/scheduler/identities.ts';

const ids = new Set(STEP_IDENTITIES.map((c) => c.id));

function displayClaims(lang: string): (string | null)[] {
  const lines = readFileSync(new URL(`../../content/${lang}/diffusers-ddim-step.mdx`, import.meta.url), 'utf8').split('\n');
  const claims: (string | null)[] = [];
  let inside = false;
  lines.forEach((line, i) => {
    if (line.trim() !== '$$') return;
    if (!inside) {
      let j = i - 1;
      while (j >= 0 && lines[j].trim() === '') j--;
      claims.push(/^\{\/\* claim: ([\w.-]+) \*\/\}$/.exec(lines[j]?.trim() ?? '')?.[1] ?? null);
    }
    inside = !inside;
  });
  expect(inside, `unbalanced $$ in ${lang}`).toBe(false);
  return claims;
}

describe('displayed equations of the DDIM-step chapter', () => {
  for (const lang of ['en', 'zh']) {
    it(`${lang}: each $$ block names an existing identity`, () => {
      const claims = displayClaims(lang);
      expect(claims.length).toBeGreaterThan(10);
      for (const c of claims) expect(c !== null && ids.has(c), `unknown or missing claim ${c}`).toBe(true);
    });
  }
  it('en and zh display the same equations in the same order, and every identity is displayed', () => {
    const en = displayClaims('en');
    expect(displayClaims('zh')).toEqual(en);
    expect(new Set(en)).toEqual(ids);
  });
});
