/**
 * Sub-sequences τ of the training timesteps (0-based, descending) along which the σ-chain runs.
 * - "leading", "trailing", "linspace": diffusers' `set_timesteps` recipes (src/core/scheduler/timesteps.ts);
 * - "quadratic": τ_i = ⌊(i·√(0.8 T)/(S − 1))²⌋, the quadratic selection of the DDIM paper (Appendix D.2;
 *   its code takes `linspace(0, sqrt(0.8 T), S) ** 2`);
 * - "random": S distinct timesteps drawn from a seed.
 * Duplicates (possible with quadratic at large S) are removed, so τ may be shorter than S.
 * Any other τ can be typed as a list of timesteps and read with `parseTauList` (below).
 */
import { mulberry32 } from '../rng.ts';
import { inferenceTimesteps } from '../scheduler/timesteps.ts';

export const TAU_KINDS = ['leading', 'trailing', 'linspace', 'quadratic', 'random'] as const;
export type TauKind = (typeof TAU_KINDS)[number];

export function makeTau(kind: TauKind, S: number, { T = 1000, seed = 1 } = {}): number[] {
  if (!Number.isInteger(S) || S < 1 || S > T) throw new RangeError(`S must be a whole number from 1 to ${T}, got ${S}`);
  let tau: number[];
  switch (kind) {
    case 'leading':
    case 'trailing':
    case 'linspace':
      tau = inferenceTimesteps(S, { numTrainTimesteps: T, timestepSpacing: kind, stepsOffset: 0 });
      break;
    case 'quadratic': {
      const top = Math.sqrt(0.8 * T);
      tau = Array.from({ length: S }, (_, i) => Math.floor((S === 1 ? top : (i * top) / (S - 1)) ** 2)).reverse();
      break;
    }
    case 'random': {
      const rng = mulberry32(seed);
      const pool = Array.from({ length: T }, (_, i) => i);
      for (let i = 0; i < S; i++) {
        const j = i + Math.floor(rng.next() * (T - i));
        [pool[i], pool[j]] = [pool[j], pool[i]];
      }
      tau = pool.slice(0, S).sort((a, b) => b - a);
      break;
    }
  }
  return [...new Set(tau.filter((t) => t >= 0 && t < T))].sort((a, b) => b - a);
}

/**
 * What a reader may pick for τ: one of the generated kinds above, or "custom", a list of timesteps
 * typed by hand and read by `parseTauList`.
 */
export const TAU_CHOICES = [...TAU_KINDS, 'custom'] as const;
export type TauChoice = (typeof TAU_CHOICES)[number];

/**
 * Separators between typed timesteps: any run of whitespace (the ideographic space included),
 * commas (ASCII "," and full-width "，"), the ideographic comma "、" and semicolons (";", "；").
 */
const SEPARATORS = /[\s,，、;；]+/u;
/** Plain decimal notation, as for every number a widget reads: "5", "5.0", "1e2" are numbers; "0x10", "NaN", "Infinity" are not. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** Full-width digits (０–９), as a Chinese input method in full-width mode types them. */
const FULL_WIDTH_DIGIT = /[\uff10-\uff19]/g;

/** The longest text `parseTauList` reads: 8 characters for each of the T timesteps it may list. */
export function tauTextLimit(T: number): number {
  return 8 * T;
}

/** Why a typed list is not a τ. `entry` is the first offending entry, as typed. */
export type TauListError =
  | { code: 'empty' }
  | { code: 'tooLong'; length: number; limit: number }
  | { code: 'tooMany'; count: number; limit: number }
  | { code: 'notANumber' | 'notAnInteger' | 'outOfRange'; entry: string };

export type TauListResult = { ok: true; tau: number[] } | { ok: false; error: TauListError };

/**
 * Read a τ typed as text ("999, 700, 500, 120, 3"): training timesteps, 0-based like `makeTau`'s.
 * The text is parsed, never evaluated. Entries may come in any order and are returned descending;
 * a timestep listed twice is kept once (a step from t to t is no step), as `makeTau` does.
 * Rejected, with the first offending entry: text longer than `tauTextLimit(T)`, no entry at all,
 * more than T entries, an entry that is not a plain decimal number ("abc", "NaN", "0x10"), one that
 * is not whole ("2.5") and one outside [0, T − 1].
 */
export function parseTauList(text: string, T = 1000): TauListResult {
  if (!Number.isInteger(T) || T < 1) throw new RangeError(`T must be a whole number of at least 1, got ${T}`);
  const fail = (error: TauListError): TauListResult => ({ ok: false, error });
  const limit = tauTextLimit(T);
  if (text.length > limit) return fail({ code: 'tooLong', length: text.length, limit });
  const entries = text.split(SEPARATORS).filter((x) => x !== '');
  if (entries.length === 0) return fail({ code: 'empty' });
  if (entries.length > T) return fail({ code: 'tooMany', count: entries.length, limit: T });
  const tau = new Set<number>();
  for (const entry of entries) {
    const digits = entry.replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
    if (!DECIMAL.test(digits)) return fail({ code: 'notANumber', entry });
    const value = Number(digits);
    // "1e400" is Infinity: a number, just far out of range.
    if (Number.isFinite(value) && !Number.isInteger(value)) return fail({ code: 'notAnInteger', entry });
    if (!(value >= 0 && value <= T - 1)) return fail({ code: 'outOfRange', entry });
    tau.add(value + 0); // "-0" is 0
  }
  return { ok: true, tau: [...tau].sort((a, b) => b - a) };
}

/** τ as text `parseTauList` reads back: "999, 700, 500". */
export function formatTau(tau: readonly number[]): string {
  return tau.join(', ');
}
