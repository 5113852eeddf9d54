import { describe, expect, it } from 'vitest';
import { assertsEquality, scanMdx } from '../../../src/core/claims/coverage.ts';

describe('assertsEquality()', () => {
  it('counts = outside sub/superscripts, \\text and definitions', () => {
    expect(assertsEquality('a = b')).toBe(true);
    expect(assertsEquality('\\sum_{s=1}^{t} x_s')).toBe(false);
    expect(assertsEquality('\\alpha_0 := 1')).toBe(false);
    expect(assertsEquality('\\alpha_t = \\prod_{s=1}^t a, \\quad \\alpha_0 := 1')).toBe(true);
    expect(assertsEquality('x \\le y')).toBe(false);
    expect(assertsEquality('\\text{a=b} + c')).toBe(false);
    expect(assertsEquality('\\begin{aligned} x &= 1 \\end{aligned}')).toBe(true);
  });
});

describe('scanMdx()', () => {
  const mdx = [
    'Intro $a = b$ inline is not counted.',
    '',
    '<Claim id="x.one" lang="en">',
    '',
    '$$',
    'a = b',
    '$$',
    '',
    '</Claim>',
    '',
    '$$',
    'c = d',
    '$$',
    '',
    '$$',
    'q := r',
    '$$',
    '',
    '```latex',
    '$$ e = f $$',
    '```',
  ].join('\n');
  it('counts display equations asserting equality, and which are bound to a claim', () => {
    const c = scanMdx(mdx);
    expect(c.displays.length).toBe(3);
    expect(c.equalities).toBe(2);
    expect(c.bound).toBe(1);
    expect(c.claimIds).toEqual(['x.one']);
    expect(c.displays.find((d) => !d.claim && d.assertsEquality)?.line).toBe(11);
  });
  it('refuses a Claim that wraps no display, two displays, or is never closed', () => {
    expect(() => scanMdx('<Claim id="a">\n\ntext\n\n</Claim>')).toThrow(/exactly one/);
    expect(() => scanMdx('<Claim id="a">\n\n$$\na=1\n$$\n\n$$\nb=1\n$$\n\n</Claim>')).toThrow(/found 2/);
    expect(() => scanMdx('<Claim id="a">\n\n$$\na=1\n$$\n')).toThrow(/never closed/);
  });
});
