/**
 * The chapter "diffusers' DDIM step, line by line": every displayed equation, in both languages, is
 * wrapped in a <Claim> bound to one of the walkthrough identities (src/core/scheduler/identities.ts),
 * each identity is a registered claim of this chapter, and each is shown exactly once, in the same
 * order in both languages.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STEP_IDENTITIES } from '../../src/core/scheduler/identities.ts';
import { claimsOf } from '../../src/core/claims/registry.ts';
import { scanMdx } from '../../src/core/claims/coverage.ts';

const ids = STEP_IDENTITIES.map((c) => c.id);
const scan = (lang: string) => scanMdx(readFileSync(new URL(`../../content/${lang}/diffusers-ddim-step.mdx`, import.meta.url), 'utf8'));

describe('displayed equations of the DDIM-step chapter', () => {
  it('every walkthrough identity is a registered claim of the chapter, and nothing else is', () => {
    expect(claimsOf('diffusers-ddim-step').map((c) => c.id).sort()).toEqual([...ids].sort());
  });
  for (const lang of ['en', 'zh']) {
    it(`${lang}: every $$ block is inside a <Claim> naming a walkthrough identity, each identity once`, () => {
      const c = scan(lang);
      expect(c.displays.length).toBe(ids.length);
      for (const d of c.displays) expect(d.claim !== null && ids.includes(d.claim), `line ${d.line}: ${d.claim}`).toBe(true);
      expect([...c.claimIds].sort()).toEqual([...ids].sort());
    });
  }
  it('en and zh bind the same equations in the same order', () => {
    expect(scan('zh').claimIds).toEqual(scan('en').claimIds);
  });
});
