import { describe, expect, it } from 'vitest';
import { badgeText } from '../../../src/components/claims/badge-text.ts';
import type { ClaimResult } from '../../../src/core/claims/evaluate.ts';

const identity: ClaimResult = { kind: 'identity', draws: 1000, lines: [3e-16], maxResidual: 3e-16, tolerance: 1e-12, pass: true };
const erratum: ClaimResult = {
  kind: 'erratum',
  draws: 1000,
  wrong: { maxResidual: 0.25, minResidual: 1e-6, aboveThreshold: 852 },
  corrected: { maxResidual: 1.1e-16 },
  threshold: 1e-3,
  tolerance: 1e-12,
  pass: true,
};

describe('badgeText()', () => {
  it('says in words whether the check holds, with the residual and the number of draws', () => {
    expect(badgeText('en', identity)).toEqual({ pass: true, mark: '✓', verdict: 'Checked: holds', details: ['max residual 3 × 10⁻¹⁶', '1,000 random draws'] });
    expect(badgeText('zh', identity).verdict).toBe('已验证：成立');
    expect(badgeText('en', { ...identity, pass: false, maxResidual: 2e-11 }).details).toContain('tolerance 1 × 10⁻¹²');
  });
  it('puts the notes’ residual next to the correction’s for an erratum, marking the notes’ formula ✗', () => {
    const wrong = badgeText('en', erratum, 'wrong');
    expect(wrong.mark).toBe('✗');
    expect(wrong.pass).toBe(true);
    expect(wrong.details.join(' · ')).toBe("residual up to 0.25, above 0.001 in 852 of 1,000 draws · the corrected formula: max residual 1.1 × 10⁻¹⁶");
    const corrected = badgeText('en', erratum, 'corrected');
    expect(corrected.mark).toBe('✓');
    expect(corrected.verdict).toBe('Corrected: holds');
    expect(badgeText('en', { ...erratum, pass: false }, 'wrong').verdict).toBe('Erratum check failed');
  });
  it('labels a definition or an equation true by construction (≡, not counted as a check), in both languages', () => {
    const definition = badgeText('en', identity, undefined, 'definition');
    expect(definition).toEqual({ pass: true, mark: '≡', verdict: 'Definition', details: ['not counted as a check; both sides evaluated', 'max residual 3 × 10⁻¹⁶', '1,000 random draws'] });
    expect(badgeText('zh', identity, undefined, 'definition').verdict).toBe('定义');
    expect(badgeText('en', identity, undefined, 'construction').verdict).toBe('True by construction');
    expect(badgeText('zh', identity, undefined, 'construction').verdict).toBe('依构造成立');
    // A definition the code gets wrong still shows ✗.
    expect(badgeText('en', { ...identity, pass: false }, undefined, 'definition').mark).toBe('✗');
  });
});
