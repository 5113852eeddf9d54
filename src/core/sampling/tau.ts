/**
 * Sub-sequences τ of the training timesteps (0-based, descending) along which the σ-chain runs.
 * - "leading", "trailing", "linspace": diffusers' `set_timesteps` recipes (src/core/scheduler/timesteps.ts);
 * - "quadratic": τ_i = ⌊(i·√(0.8 T)/(S − 1))²⌋, the quadratic selection of the DDIM paper (Appendix D.2;
 *   its code takes `linspace(0, sqrt(0.8 T), S) ** 2`);
 * - "random": S distinct timesteps drawn from a seed.
 * Duplicates (possible with quadratic at large S) are removed, so τ may be shorter than S.
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
