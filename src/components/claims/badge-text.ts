/**
 * The words of a claim's badge, in the page's language. Pure, so the live re-run can reuse them.
 */
import { t, type Lang } from '../../i18n/index.ts';
import { formatNumber } from '../../i18n/format.ts';
import type { ClaimResult } from '../../core/claims/evaluate.ts';
import type { Route } from '../../core/claims/types.ts';

export type ErratumPart = 'wrong' | 'corrected';

export interface BadgeText {
  /** true: the check passed (for an erratum: the notes' formula was shown false and the correction holds). */
  pass: boolean;
  /**
   * ✓ or ✗ for this display (an erratum's notes' formula gets ✗ even though the check passed); ≡ for
   * a definition or an equation true by construction (evaluated, but not counted as a check).
   */
  mark: '✓' | '✗' | '≡';
  verdict: string;
  details: string[];
}

const count = (n: number) => new Intl.NumberFormat('en').format(n);
const num = (x: number) => formatNumber(x, 2);

export function badgeText(lang: Lang, r: ClaimResult, part?: ErratumPart, route: Route = 'check'): BadgeText {
  const tr = (key: Parameters<typeof t>[1], vars?: Record<string, string | number>) => t(lang, key, vars);
  if (route !== 'check' && (r.kind === 'identity' || r.kind === 'inequality')) {
    // A definition (or an equation true by construction) is labelled as such; the evaluation still
    // runs, so a broken definition in the code still shows ✗.
    if (!r.pass) return { pass: false, mark: '✗', verdict: tr('claim.fails'), details: [tr('claim.maxResidual', { value: num(r.maxResidual) }), tr('claim.draws', { count: count(r.draws) })] };
    return {
      pass: true,
      mark: '≡',
      verdict: tr(route === 'definition' ? 'claim.definition' : 'claim.construction'),
      details: [tr('claim.notCounted'), tr('claim.maxResidual', { value: num(r.maxResidual) }), tr('claim.draws', { count: count(r.draws) })],
    };
  }
  switch (r.kind) {
    case 'identity':
      return {
        pass: r.pass,
        mark: r.pass ? '✓' : '✗',
        verdict: tr(r.pass ? 'claim.holds' : 'claim.fails'),
        details: [
          tr('claim.maxResidual', { value: num(r.maxResidual) }),
          tr('claim.draws', { count: count(r.draws) }),
          ...(r.pass ? [] : [tr('claim.tolerance', { value: num(r.tolerance) })]),
        ],
      };
    case 'inequality':
      return {
        pass: r.pass,
        mark: r.pass ? '✓' : '✗',
        verdict: tr(r.pass ? 'claim.holds' : 'claim.fails'),
        details: [tr('claim.violation', { value: num(r.maxResidual) }), tr('claim.draws', { count: count(r.draws) })],
      };
    case 'distribution':
      return {
        pass: r.pass,
        mark: r.pass ? '✓' : '✗',
        verdict: tr(r.pass ? 'claim.mcConsistent' : 'claim.mcInconsistent'),
        details: [
          tr('claim.mcStats', { z: num(r.maxZ), zLimit: num(r.limits.z), ks: num(r.maxKs), ksLimit: num(r.limits.ks) }),
          tr('claim.mcDraws', { draws: count(r.draws), samples: count(r.samples) }),
        ],
      };
    case 'erratum': {
      const wrong = tr('claim.notesResidual', { value: num(r.wrong.maxResidual), threshold: num(r.threshold), count: count(r.wrong.aboveThreshold), draws: count(r.draws) });
      const corrected = tr('claim.correctedResidual', { value: num(r.corrected.maxResidual), draws: count(r.draws) });
      if (!r.pass) return { pass: false, mark: '✗', verdict: tr('claim.erratumBroken'), details: [wrong, corrected] };
      return part === 'corrected'
        ? { pass: true, mark: '✓', verdict: tr('claim.correctedHolds'), details: [corrected, tr('claim.vsNotes', { value: num(r.wrong.maxResidual) })] }
        : { pass: true, mark: '✗', verdict: tr('claim.notesFalse'), details: [wrong, tr('claim.vsCorrected', { value: num(r.corrected.maxResidual) })] };
    }
  }
}
