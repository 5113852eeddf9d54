/** Number formatting for computed values shown in prose and tables (never typed in by hand). */

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/**
 * `digits` significant digits; scientific notation written as "4.036 × 10⁻⁵" outside [1e-3, 1e4).
 * Uses the Unicode minus sign. Non-finite values are spelled out so they are noticed.
 */
export function formatNumber(x: number, digits = 4): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 1e-3 && abs < 1e4) return Number(x.toPrecision(digits)).toString().replace('-', '−');
  const [mantissa, exponent] = x.toExponential(digits - 1).split('e');
  const exp = String(Number(exponent))
    .split('')
    .map((c) => SUPERSCRIPT[c])
    .join('');
  return `${Number(mantissa).toString().replace('-', '−')} × 10${exp}`;
}
